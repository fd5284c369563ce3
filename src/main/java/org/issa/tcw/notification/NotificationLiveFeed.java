package org.issa.tcw.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Tells open bells about committed changes only. */
@Component
class NotificationLiveFeed {

    private final NotificationBroadcaster broadcaster;

    NotificationLiveFeed(NotificationBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(NotificationsChanged e) {
        e.personIds().forEach(broadcaster::publish);
    }
}
