package org.issa.tcw.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells open bells about changes; the live delivery holds them until the transaction commits. */
@Component
class NotificationLiveFeed {

    private final NotificationBroadcaster broadcaster;

    NotificationLiveFeed(NotificationBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @EventListener
    void on(NotificationsChanged e) {
        e.personIds().forEach(broadcaster::publish);
    }
}
