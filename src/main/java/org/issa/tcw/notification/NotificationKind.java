package org.issa.tcw.notification;

/** Why a person was notified; each kind has a translated sentence {@code notification.kind.<KIND>}. */
public enum NotificationKind {
    /** Someone mentioned me in a post. */
    MENTION,
    /** A new post in a thread I watch. */
    REPLY,
    /** A new thread in a commission I watch. */
    NEW_THREAD,
    /** A moderator hid one of my posts. */
    POST_HIDDEN,
    /** I was asked to take part in a consultation round on a document. */
    CONSULTATION_OPENED,
    /** A document of my commission went to internal review. */
    DOCUMENT_INTERNAL_REVIEW,
    /** A document of my commission went to consultation. */
    DOCUMENT_CONSULTATION,
    /** A document of my commission was approved. */
    DOCUMENT_APPROVED,
    /** A document of my commission was published. */
    DOCUMENT_PUBLISHED,
    /** A document of my commission was sent back to draft. */
    DOCUMENT_DRAFT,
    /** A document of my commission was withdrawn. */
    DOCUMENT_WITHDRAWN
}
