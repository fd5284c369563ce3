package org.issa.tcw.notification.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.personId = :personId order by n.createdAt desc, n.id desc")
    List<Notification> page(long personId, Pageable pageable);

    /** A person's unread notifications of some kinds, newest first (the home page's mentions and replies). */
    @Query("""
            select n from Notification n where n.personId = :personId and n.readAt is null and n.kind in :kinds
            order by n.createdAt desc, n.id desc""")
    List<Notification> unreadOf(long personId, java.util.Collection<org.issa.tcw.notification.NotificationKind> kinds,
            Pageable pageable);

    long countByPersonId(long personId);

    long countByPersonIdAndReadAtIsNull(long personId);

    @Modifying
    @Query("update Notification n set n.readAt = :now where n.personId = :personId and n.readAt is null")
    int markAllRead(long personId, Instant now);
}
