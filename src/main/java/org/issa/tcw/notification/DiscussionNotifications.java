package org.issa.tcw.notification;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.issa.tcw.discussion.PersonMentioned;
import org.issa.tcw.discussion.PostCreated;
import org.issa.tcw.discussion.ThreadModerated;
import org.issa.tcw.notification.domain.Notification;
import org.issa.tcw.notification.domain.NotificationRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns discussion events into notifications, in the same transaction as the post (so a post and
 * its notifications are stored together or not at all).
 */
@Component
class DiscussionNotifications {

    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DiscussionNotifications(NotificationRepository notifications, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(PersonMentioned e) {
        notifications.save(new Notification(e.personId(), NotificationKind.MENTION, e.authorName(), e.threadTitle(),
                null, link(e.threadId(), e.seq()), clock.instant()));
        events.publishEvent(new NotificationsChanged(Set.of(e.personId())));
    }

    @EventListener
    void on(PostCreated e) {
        Set<Long> notified = new HashSet<>(e.watchers());
        notified.removeAll(e.mentioned());
        notified.remove(e.authorId());
        NotificationKind kind = e.opensThread() ? NotificationKind.NEW_THREAD : NotificationKind.REPLY;
        for (Long person : notified) {
            notifications.save(new Notification(person, kind, e.authorName(), e.threadTitle(), null,
                    link(e.threadId(), e.seq()), clock.instant()));
        }
        if (!notified.isEmpty()) {
            events.publishEvent(new NotificationsChanged(Set.copyOf(notified)));
        }
    }

    @EventListener
    void on(ThreadModerated e) {
        if (e.action() == ThreadModerated.Action.POST_HIDDEN && e.affectedPersonId() != null
                && e.affectedPersonId() != e.moderatorId()) {
            notifications.save(new Notification(e.affectedPersonId(), NotificationKind.POST_HIDDEN, e.moderatorName(),
                    e.threadTitle(), e.reason(), "discussions/" + e.threadId(), clock.instant()));
            events.publishEvent(new NotificationsChanged(Set.of(e.affectedPersonId())));
        }
    }

    private static String link(long threadId, long seq) {
        return "discussions/" + threadId + "?post=" + seq;
    }
}
