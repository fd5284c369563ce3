package org.issa.tcw.notification;

import java.util.function.Consumer;
import org.issa.tcw.discussion.Subscription;

/**
 * Tells a person's open bells, after commit, that their notifications changed: the notification
 * channel of the application's {@link org.issa.tcw.cluster.LiveDelivery}.
 */
public interface NotificationBroadcaster {

    /**
     * {@code onCount} receives the person's number of unread notifications after each change (read
     * once per change on this node, whatever the number of the person's open bells on it).
     */
    Subscription subscribe(long personId, Consumer<Long> onCount);

    void publish(long personId);
}
