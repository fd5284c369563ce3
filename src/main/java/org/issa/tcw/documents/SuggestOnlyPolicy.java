package org.issa.tcw.documents;

/**
 * Whether the signed-in person may change a document only by suggesting (their updates must pass
 * the suggest-only check). Declared here, implemented by {@code documents.suggestions}, so that the
 * relay does not depend on the feature that manages the setting.
 */
public interface SuggestOnlyPolicy {

    /** Whether the signed-in person is suggest-only in this document of this commission. */
    boolean suggestOnly(long documentId, long commissionId);
}
