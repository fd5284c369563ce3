package org.issa.tcw.documents.consultation;

import org.springframework.stereotype.Component;

/**
 * Where a round meets the document's workflow: opening a round moves the document to consultation,
 * in the same transaction, and only from a stage that allows it; closing leaves the stage to the
 * chair (the next step is approval or a new draft).
 */
@Component
class RoundStages {

    /** Before a round is opened (in its transaction): refuses if the document's stage does not allow it, and moves it. */
    void opening(long documentId) {
    }

    /** After a round was closed (in the closing transaction). */
    void closed(RoundStore.Round round) {
    }
}
