package org.issa.tcw.documents.comments;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Hands committed comment changes to the broadcaster: a rolled-back comment is never shown. */
@Component
class CommentLiveFeed {

    private final CommentBroadcaster broadcaster;

    CommentLiveFeed(CommentBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(CommentSignal signal) {
        broadcaster.publish(signal);
    }
}
