package org.issa.tcw.documents.consultation;

import org.issa.tcw.cluster.LiveDelivery;
import org.issa.tcw.documents.comments.CommentSignal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Something changed in the consultation of this document" — a participant commented (through the
 * round's panel or the ordinary comment panel), a disposition was recorded, a round opened, closed
 * or was extended — delivered after the commit to the open round panels and round pages of the
 * document (through {@link LiveDelivery}, as comments and versions are). The signal carries the
 * document's id only: a page reads the round again through {@link ConsultationService}, which
 * checks the reader's right.
 */
@Component
public class RoundSignals {

    static final LiveDelivery.Channel<Long> DOCUMENT = new LiveDelivery.Channel<>("consultation.document", Long.class);

    private final LiveDelivery live;
    private final RoundStore store;

    RoundSignals(LiveDelivery live, RoundStore store) {
        this.live = live;
        this.store = store;
    }

    /** Calls {@code listener} whenever the consultation of the document changed, until cancelled. */
    public LiveDelivery.Registration subscribe(long documentId, Runnable listener) {
        return live.subscribe(DOCUMENT, documentId, id -> listener.run());
    }

    void changed(long documentId) {
        live.publish(DOCUMENT, documentId, documentId);
    }

    /** A comment through the ordinary panel counts in the round too (ADR 063). */
    @EventListener
    void on(CommentSignal signal) {
        if (!store.ofDocument(signal.documentId()).isEmpty()) {
            changed(signal.documentId());
        }
    }
}
