package org.issa.tcw.notification;

import java.time.Clock;
import org.issa.tcw.documents.workflow.DocumentStageAnnounced;
import org.issa.tcw.notification.domain.Notification;
import org.issa.tcw.notification.domain.NotificationRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a commission's members that one of its documents moved ("… approved «document»"), with the
 * reason of a step back as detail, in the step's transaction; it opens the document.
 */
@Component
class WorkflowNotifications {

    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkflowNotifications(NotificationRepository notifications, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(DocumentStageAnnounced e) {
        if (e.recipients().isEmpty()) {
            return;
        }
        NotificationKind kind = NotificationKind.valueOf("DOCUMENT_" + e.to().name());
        for (Long person : e.recipients()) {
            notifications.save(new Notification(person, kind, e.actorName(), e.title(), e.reason(),
                    "documents/" + e.documentId(), clock.instant()));
        }
        events.publishEvent(new NotificationsChanged(java.util.Set.copyOf(e.recipients())));
    }
}
