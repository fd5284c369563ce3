package org.issa.tcw.documents.versions;

/** Why a version was kept. */
public enum VersionKind {
    /** Named by a person. */
    NAMED,
    /** The daily automatic version of a document that changed. */
    DAILY,
    /** Kept at the request of another feature (e.g. a workflow step), with its reason as name. */
    KEPT,
    /** The document as it was just before a restore (restoring it undoes the restore). */
    BEFORE_RESTORE
}
