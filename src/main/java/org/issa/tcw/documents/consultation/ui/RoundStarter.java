package org.issa.tcw.documents.consultation.ui;

import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.workflow.ConsultationStarter;
import org.springframework.stereotype.Component;

/** The stepper's "Send to consultation": the round dialog; opening the round moves the document. */
@Component
class RoundStarter implements ConsultationStarter {

    private final ConsultationService service;

    RoundStarter(ConsultationService service) {
        this.service = service;
    }

    @Override
    public void start(long documentId, Runnable opened) {
        new RoundDialog(service, documentId, id -> opened.run()).open();
    }
}
