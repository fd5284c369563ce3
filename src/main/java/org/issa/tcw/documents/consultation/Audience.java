package org.issa.tcw.documents.consultation;

/** Who a consultation round is sent to. */
public enum Audience {
    /** The active members of the document's commission. */
    COMMISSION,
    /** The active members of the chosen commissions. */
    COMMISSIONS,
    /** The contact people of every member institution. */
    ALL_INSTITUTIONS,
    /** The contact people of the chosen institutions. */
    INSTITUTIONS
}
