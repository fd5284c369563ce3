package org.issa.tcw.documents.consultation;

/** What a consultation comment is about. */
public enum CommentTag {
    GENERAL, TECHNICAL, EDITORIAL
}
