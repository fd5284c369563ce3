package org.issa.tcw.notification;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.notification.domain.Notification;
import org.issa.tcw.notification.domain.NotificationRepository;
import org.issa.tcw.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's own notifications: list, unread count, mark read. Nobody sees another's. */
@Service
@Transactional(readOnly = true)
public class NotificationService {

    private final NotificationRepository notifications;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** A page of my notifications, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<NotificationRow> mine(Pageable pageable) {
        return notifications.page(me(), pageable).stream().map(NotificationService::row).toList();
    }

    private static NotificationRow row(Notification n) {
        return new NotificationRow(n.getId(), n.getKind(), n.getActorName(), n.getSubject(), n.getDetail(),
                n.getLink(), n.getCreatedAt(), n.isRead());
    }

    /** My unread notifications of these kinds, newest first, at most {@code limit} (the home page). */
    @PreAuthorize("isAuthenticated()")
    public List<NotificationRow> unreadOf(Set<NotificationKind> kinds, int limit) {
        Long me = currentUser.require().personId();
        if (me == null || kinds.isEmpty()) {
            return List.of();
        }
        return notifications.unreadOf(me, kinds, org.springframework.data.domain.PageRequest.of(0, limit)).stream()
                .map(NotificationService::row).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public long countMine() {
        return currentUser.require().personId() == null ? 0 : notifications.countByPersonId(me());
    }

    /** How many of my notifications I have not read (the bell's number). */
    @PreAuthorize("isAuthenticated()")
    public long unreadCount() {
        Long me = currentUser.require().personId();
        return me == null ? 0 : notifications.countByPersonIdAndReadAtIsNull(me);
    }

    /** Marks one of my notifications read (someone else's is refused as not found). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void markRead(long notificationId) {
        long me = me();
        Notification n = notifications.findById(notificationId).filter(x -> x.getPersonId() == me)
                .orElseThrow(NotFoundException::new);
        n.markRead(clock.instant());
        events.publishEvent(new NotificationsChanged(Set.of(me)));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void markAllRead() {
        long me = me();
        notifications.markAllRead(me, clock.instant());
        events.publishEvent(new NotificationsChanged(Set.of(me)));
    }

    private long me() {
        Long id = currentUser.require().personId();
        if (id == null) {
            throw new AccessDeniedException("This account has no person record");
        }
        return id;
    }
}
