package org.issa.tcw.documents;

/**
 * How a document may be changed at its workflow stage. Declared here, answered by
 * {@code documents.workflow}, so that the relay does not depend on the feature that moves documents
 * between stages (as {@link SuggestOnlyPolicy}).
 */
public interface StageEditing {

    /** What the stage allows. */
    enum Mode {
        /** Whoever may edit drafts types freely (a draft). */
        OPEN,
        /**
         * Only those who review drafts (chair, vice-chairs, secretariat) edit; the other editors may
         * only suggest (internal review, consultation).
         */
        REVIEWERS_EDIT,
        /** Nobody changes it (approved, published, withdrawn). */
        CLOSED
    }

    /** The mode of the document at its current stage (no permission check: the relay has made its own). */
    Mode mode(long documentId);
}
