package org.issa.tcw.discussion;

import java.util.function.Consumer;
import org.issa.tcw.cluster.LiveDelivery;
import org.springframework.stereotype.Component;

/** {@link DiscussionBroadcaster} on the application's {@link LiveDelivery}: one channel for threads, one for commissions. */
@Component
class LiveDiscussionBroadcaster implements DiscussionBroadcaster {

    static final LiveDelivery.Channel<DiscussionSignal> THREAD =
            new LiveDelivery.Channel<>("discussion.thread", DiscussionSignal.class, DiscussionSignal::withoutPost);
    static final LiveDelivery.Channel<DiscussionSignal> COMMISSION =
            new LiveDelivery.Channel<>("discussion.commission", DiscussionSignal.class,
                    DiscussionSignal::withoutPost);

    private final LiveDelivery live;

    LiveDiscussionBroadcaster(LiveDelivery live) {
        this.live = live;
    }

    @Override
    public Subscription subscribeThread(long threadId, Consumer<DiscussionSignal> listener) {
        return live.subscribe(THREAD, threadId, listener)::cancel;
    }

    @Override
    public Subscription subscribeCommission(long commissionId, Consumer<DiscussionSignal> listener) {
        return live.subscribe(COMMISSION, commissionId, listener)::cancel;
    }

    @Override
    public Subscription onResume(Runnable listener) {
        return live.onResume(listener)::cancel;
    }

    @Override
    public void publish(DiscussionSignal signal) {
        live.publish(THREAD, signal.threadId(), signal);
        live.publish(COMMISSION, signal.commissionId(), signal);
    }
}
