package org.issa.tcw.discussion;

import java.util.function.Consumer;

/**
 * Delivers {@link DiscussionSignal}s to the open views of this node. Fed only after commit (see
 * {@code DiscussionLiveFeed}), so a rolled-back post is never shown. An interface so that a later
 * implementation can carry signals across several nodes (e.g. PostgreSQL LISTEN/NOTIFY) without
 * the views changing. Listeners are called on a background thread and must not block.
 */
public interface DiscussionBroadcaster {

    /** Signals of one thread (its page). */
    Subscription subscribeThread(long threadId, Consumer<DiscussionSignal> listener);

    /** Signals of every thread of a commission (its thread list). */
    Subscription subscribeCommission(long commissionId, Consumer<DiscussionSignal> listener);

    /** Delivers a committed change to the subscribers of its thread and of its commission. */
    void publish(DiscussionSignal signal);
}
