package org.issa.tcw.documents;

/** What a document is; the translation key of each is {@code document.kind.<NAME>}. */
public enum DocumentKind {
    GUIDELINE, TECHNICAL_REPORT, GOOD_PRACTICE, MEETING_MINUTES, OTHER
}
