package org.issa.tcw.notification;

import java.util.function.Consumer;
import org.issa.tcw.cluster.LiveDelivery;
import org.issa.tcw.discussion.Subscription;
import org.springframework.stereotype.Component;

/** {@link NotificationBroadcaster} on the application's {@link LiveDelivery}, keyed by person. */
@Component
class LiveNotificationBroadcaster implements NotificationBroadcaster {

    static final LiveDelivery.Channel<Long> PERSON = new LiveDelivery.Channel<>("notification.person", Long.class);

    private final LiveDelivery live;

    LiveNotificationBroadcaster(LiveDelivery live) {
        this.live = live;
    }

    @Override
    public Subscription subscribe(long personId, Consumer<Long> onChange) {
        return live.subscribe(PERSON, personId, onChange, personId)::cancel;
    }

    @Override
    public void publish(long personId) {
        live.publish(PERSON, personId, personId);
    }
}
