package org.issa.tcw.discussion;

import java.util.function.Consumer;

/**
 * Delivers {@link DiscussionSignal}s to the open views: the discussion's channels on the
 * application's {@link org.issa.tcw.cluster.LiveDelivery}, which delivers only after commit (so a
 * rolled-back post is never shown) and is the one place to replace for several nodes. Listeners
 * are called on a background thread and must not block.
 */
public interface DiscussionBroadcaster {

    /** Signals of one thread (its page). */
    Subscription subscribeThread(long threadId, Consumer<DiscussionSignal> listener);

    /** Signals of every thread of a commission (its thread list). */
    Subscription subscribeCommission(long commissionId, Consumer<DiscussionSignal> listener);

    /**
     * Called when this node may have missed signals from other nodes (its link to them was lost
     * and is back): the views re-read what they show.
     */
    Subscription onResume(Runnable listener);

    /** Delivers a change to the subscribers of its thread and of its commission once it is committed. */
    void publish(DiscussionSignal signal);
}
