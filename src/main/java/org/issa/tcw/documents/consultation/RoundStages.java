package org.issa.tcw.documents.consultation;

import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.springframework.stereotype.Component;

/**
 * Where a round meets the document's workflow: opening a round moves the document to consultation
 * in the same transaction ({@link DocumentWorkflow#enterConsultation}, which refuses a stage that
 * does not allow it and a person who may not send it there); a further round on a document in
 * consultation leaves the stage as it is. Closing leaves the stage to the chair (approve, end the
 * consultation, send back).
 */
@Component
class RoundStages {

    private final DocumentWorkflow workflow;

    RoundStages(DocumentWorkflow workflow) {
        this.workflow = workflow;
    }

    /** Before a round is opened, in its transaction. */
    void opening(long documentId) {
        if (workflow.stageOf(documentId) != DocumentStage.CONSULTATION) {
            workflow.enterConsultation(documentId);
        }
    }

    /** Whether the document is in consultation now. */
    boolean inConsultation(long documentId) {
        return workflow.stageOf(documentId) == DocumentStage.CONSULTATION;
    }

    /** After a round was closed, in the closing transaction (nobody signed in). */
    void closed(RoundStore.Round round) {
        // the stage stays "consultation" until the chair takes the next step
    }
}
