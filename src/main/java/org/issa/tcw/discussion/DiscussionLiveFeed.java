package org.issa.tcw.discussion;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands changes to the broadcaster as they are published; the live delivery behind it holds them
 * until the transaction commits ({@link org.issa.tcw.cluster.LiveDelivery}), so a post whose
 * transaction rolled back is never shown to anyone.
 */
@Component
class DiscussionLiveFeed {

    private final DiscussionBroadcaster broadcaster;

    DiscussionLiveFeed(DiscussionBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @EventListener
    void on(DiscussionSignal signal) {
        broadcaster.publish(signal);
    }
}
