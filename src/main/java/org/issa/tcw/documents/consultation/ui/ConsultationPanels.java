package org.issa.tcw.documents.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.util.function.LongConsumer;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.RoundSignals;

/**
 * Makes the consultation's parts of the document page (which only knows this class, like
 * {@code CommentPanels}): the panel of the document's rounds (the round's
 * introduction and questions, "open a round" for the chair, tagged comments for participants) and
 * the round dialog the workflow's "Send to consultation" opens. Everything goes through
 * {@link ConsultationService}, which checks the reader's rights.
 */
@org.springframework.stereotype.Component
public class ConsultationPanels {

    private final ConsultationService service;
    private final RoundSignals signals;

    ConsultationPanels(ConsultationService service, RoundSignals signals) {
        this.service = service;
        this.signals = signals;
    }

    /** The rounds panel of a document, talking to its editor element for the selected text. */
    public Component forDocument(long documentId, Element editor) {
        return new RoundPanel(service, signals, documentId, editor);
    }

    /** Opens the round dialog; {@code opened} gets the new round's id. */
    public void openRoundDialog(long documentId, LongConsumer opened) {
        new RoundDialog(service, documentId, opened).open();
    }
}
