package org.issa.tcw.documents.consultation;

import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.StageGuard;
import org.springframework.stereotype.Component;

/** No approval while a consultation round of the document is still open (the workflow asks in the step's transaction). */
@Component
class RoundGuard implements StageGuard {

    private final RoundStore store;

    RoundGuard(RoundStore store) {
        this.store = store;
    }

    @Override
    public void check(long documentId, DocumentStage from, DocumentStage to) {
        if (to == DocumentStage.APPROVED
                && store.ofDocument(documentId).stream().anyMatch(r -> r.state() == RoundState.OPEN)) {
            throw new UserFacingException("consultation.round.still-open");
        }
    }
}
