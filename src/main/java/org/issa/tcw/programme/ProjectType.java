package org.issa.tcw.programme;

/** What a project produces. */
public enum ProjectType {
    GUIDELINE, TECHNICAL_REPORT, GOOD_PRACTICE, SURVEY, SEMINAR, OTHER
}
