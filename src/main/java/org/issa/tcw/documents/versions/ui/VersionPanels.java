package org.issa.tcw.documents.versions.ui;

import com.vaadin.flow.component.Component;
import org.issa.tcw.documents.exchange.ui.ExchangeControls;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.issa.tcw.documents.versions.VersionSignals;
import org.jspecify.annotations.Nullable;

/**
 * Makes the History panel for the document editor page (which only knows this class): every datum
 * it shows comes through {@link DocumentVersions}, which checks the reader's rights.
 */
@org.springframework.stereotype.Component
public class VersionPanels {

    private final DocumentVersions versions;
    private final ExchangeControls exchange;
    private final VersionSignals signals;

    VersionPanels(DocumentVersions versions, VersionSignals signals, ExchangeControls exchange) {
        this.versions = versions;
        this.signals = signals;
        this.exchange = exchange;
    }

    /** The History panel of a document. */
    public Component forDocument(long documentId) {
        return new HistoryPanel(versions, signals, exchange, documentId);
    }

    /**
     * The History panel of a document, opening at once the comparison of one of its versions with
     * the current text (e.g. the source version a translation was made from; a version that is not
     * the document's is ignored).
     */
    public Component forDocument(long documentId, @Nullable Long compareWithNow) {
        HistoryPanel panel = new HistoryPanel(versions, signals, exchange, documentId);
        if (compareWithNow != null) {
            panel.compareWithNow(compareWithNow);
        }
        return panel;
    }
}
