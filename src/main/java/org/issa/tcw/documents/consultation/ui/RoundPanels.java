package org.issa.tcw.documents.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.util.function.LongConsumer;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.RoundSignals;

/**
 * The {@link ConsultationPanels} of the application. Everything goes through
 * {@link ConsultationService}, which checks the reader's rights.
 */
@org.springframework.stereotype.Component
class RoundPanels implements ConsultationPanels {

    private final ConsultationService service;
    private final RoundSignals signals;

    RoundPanels(ConsultationService service, RoundSignals signals) {
        this.service = service;
        this.signals = signals;
    }

    @Override
    public Component forDocument(long documentId, Element editor) {
        return new RoundPanel(service, signals, documentId, editor);
    }

    @Override
    public void openRoundDialog(long documentId, LongConsumer opened) {
        new RoundDialog(service, documentId, opened).open();
    }
}
