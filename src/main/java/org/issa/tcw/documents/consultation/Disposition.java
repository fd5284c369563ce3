package org.issa.tcw.documents.consultation;

/** What the commission did with a consultation comment; a rejection needs a reason. */
public enum Disposition {
    ACCEPTED, ACCEPTED_IN_PART, REJECTED, NOTED
}
