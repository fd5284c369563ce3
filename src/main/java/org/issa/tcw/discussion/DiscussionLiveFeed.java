package org.issa.tcw.discussion;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands committed changes to the broadcaster. Listening after commit is what guarantees that a
 * post whose transaction rolled back is never shown to anyone.
 */
@Component
class DiscussionLiveFeed {

    private final DiscussionBroadcaster broadcaster;

    DiscussionLiveFeed(DiscussionBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DiscussionSignal signal) {
        broadcaster.publish(signal);
    }
}
