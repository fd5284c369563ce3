package org.issa.tcw.documents.comments;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands comment changes to the broadcaster. The broadcaster's {@code LiveDelivery} delivers only
 * after the transaction commits, so a rolled-back comment is never shown (as for discussions).
 */
@Component
class CommentLiveFeed {

    private final CommentBroadcaster broadcaster;

    CommentLiveFeed(CommentBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @EventListener
    void on(CommentSignal signal) {
        broadcaster.publish(signal);
    }
}
