package org.issa.tcw.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.issa.tcw.notification.NotificationKind;
import org.jspecify.annotations.Nullable;

/** One thing one person is told about. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationKind kind;

    @Column(nullable = false, updatable = false)
    private String actorName;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(updatable = false)
    private @Nullable String detail;

    @Column(nullable = false, updatable = false)
    private String link;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private @Nullable Instant readAt;

    protected Notification() {
    }

    public Notification(long personId, NotificationKind kind, String actorName, String subject,
            @Nullable String detail, String link, Instant now) {
        this.personId = personId;
        this.kind = kind;
        this.actorName = cut(actorName, 200);
        this.subject = cut(subject, 300);
        this.detail = detail == null ? null : cut(detail, 500);
        this.link = link;
        this.createdAt = now;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public long getPersonId() {
        return personId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getActorName() {
        return actorName;
    }

    public String getSubject() {
        return subject;
    }

    public @Nullable String getDetail() {
        return detail;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
