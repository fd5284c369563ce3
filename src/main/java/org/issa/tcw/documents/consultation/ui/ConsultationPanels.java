package org.issa.tcw.documents.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.util.function.LongConsumer;

/**
 * Makes the consultation's parts of the document page (which only knows this interface, like
 * {@code CommentPanels}): the panel of the document's rounds (the round's introduction and
 * questions, "open a round" for the chair, tagged comments for participants) and the round dialog.
 * An interface so that the page's code does not reach the panel's and the dialog's classes: their
 * date pickers, multi-select combo box and text areas come with {@link ConsultationChunk}'s chunk
 * after the first paint, not with the page's route chunk (ADR 121).
 */
public interface ConsultationPanels {

    /** The rounds panel of a document, talking to its editor element for the selected text. */
    Component forDocument(long documentId, Element editor);

    /** Opens the round dialog; {@code opened} gets the new round's id. */
    void openRoundDialog(long documentId, LongConsumer opened);
}
