package org.issa.tcw.documents.versions.ui;

import com.vaadin.flow.component.Component;
import org.issa.tcw.documents.exchange.ui.ExchangeControls;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.issa.tcw.documents.versions.VersionSignals;
import org.jspecify.annotations.Nullable;

/**
 * The {@link VersionPanels} of the application: every datum the panel shows comes through
 * {@link DocumentVersions}, which checks the reader's rights.
 */
@org.springframework.stereotype.Component
class HistoryPanels implements VersionPanels {

    private final DocumentVersions versions;
    private final ExchangeControls exchange;
    private final VersionSignals signals;

    HistoryPanels(DocumentVersions versions, VersionSignals signals, ExchangeControls exchange) {
        this.versions = versions;
        this.signals = signals;
        this.exchange = exchange;
    }

    @Override
    public Component forDocument(long documentId) {
        return new HistoryPanel(versions, signals, exchange, documentId);
    }

    @Override
    public Component forDocument(long documentId, @Nullable Long compareWithNow) {
        HistoryPanel panel = new HistoryPanel(versions, signals, exchange, documentId);
        if (compareWithNow != null) {
            panel.compareWithNow(compareWithNow);
        }
        return panel;
    }
}
