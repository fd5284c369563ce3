package org.issa.tcw.notification;

import java.util.function.Consumer;
import org.issa.tcw.discussion.Subscription;

/**
 * Tells a person's open bells, after commit, that their notifications changed: the notification
 * channel of the application's {@link org.issa.tcw.cluster.LiveDelivery}.
 */
public interface NotificationBroadcaster {

    Subscription subscribe(long personId, Consumer<Long> onChange);

    void publish(long personId);
}
