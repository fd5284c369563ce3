package org.issa.tcw.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.issa.tcw.documents.consultation.ConsultationOpened;
import org.issa.tcw.notification.domain.Notification;
import org.issa.tcw.notification.domain.NotificationRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every participant of a new consultation round ("… opened a consultation on «document»"),
 * in the transaction that opens it; the link opens the document with the round's panel.
 */
@Component
class ConsultationNotifications {

    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsultationNotifications(NotificationRepository notifications, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(ConsultationOpened e) {
        List<Notification> rows = new ArrayList<>(e.participantIds().size());
        for (long person : e.participantIds()) {
            rows.add(new Notification(person, NotificationKind.CONSULTATION_OPENED, e.openedBy(), e.documentTitle(),
                    null, e.link(), clock.instant()));
        }
        notifications.saveAll(rows);
        events.publishEvent(new NotificationsChanged(new HashSet<>(e.participantIds())));
    }
}
