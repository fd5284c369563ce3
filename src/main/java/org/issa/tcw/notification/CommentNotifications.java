package org.issa.tcw.notification;

import java.time.Clock;
import java.util.Set;
import org.issa.tcw.documents.comments.CommentMentioned;
import org.issa.tcw.notification.domain.Notification;
import org.issa.tcw.notification.domain.NotificationRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a mention in a document comment into a notification ("… mentioned you in «document»"),
 * in the comment's transaction; it opens the document scrolled to the comment.
 */
@Component
class CommentNotifications {

    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentNotifications(NotificationRepository notifications, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(CommentMentioned e) {
        notifications.save(new Notification(e.personId(), NotificationKind.MENTION, e.authorName(),
                e.documentTitle(), null, e.link(), clock.instant()));
        events.publishEvent(new NotificationsChanged(Set.of(e.personId())));
    }
}
