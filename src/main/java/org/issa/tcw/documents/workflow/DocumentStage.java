package org.issa.tcw.documents.workflow;

/** Where a document is on its way from draft to published. */
public enum DocumentStage {
    DRAFT,
    INTERNAL_REVIEW,
    CONSULTATION,
    APPROVED,
    PUBLISHED,
    WITHDRAWN
}
