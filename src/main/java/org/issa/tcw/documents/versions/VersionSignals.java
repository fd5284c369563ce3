package org.issa.tcw.documents.versions;

import org.issa.tcw.cluster.LiveDelivery;
import org.springframework.stereotype.Component;

/**
 * "A version of this document was kept" (named, automatic, kept for another feature, before a
 * restore), delivered to the open History panels of the document after the version is stored. The
 * signal carries the document's id only: a panel reads the versions again through
 * {@link DocumentVersions#list}, which checks the reader's right.
 */
@Component
public class VersionSignals {

    static final LiveDelivery.Channel<Long> DOCUMENT = new LiveDelivery.Channel<>("versions.document", Long.class);

    private final LiveDelivery live;

    VersionSignals(LiveDelivery live) {
        this.live = live;
    }

    /** Calls {@code listener} whenever a version of the document has been kept, until cancelled. */
    public LiveDelivery.Registration subscribe(long documentId, Runnable listener) {
        return live.subscribe(DOCUMENT, documentId, id -> listener.run(), documentId);
    }

    void kept(long documentId) {
        live.publish(DOCUMENT, documentId, documentId);
    }
}
