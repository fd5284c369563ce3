package org.issa.tcw.programme.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The private link to a commission's calendar: whoever holds the token may subscribe. Revoked by deletion. */
@Entity
@Table(name = "programme_calendar_feed")
public class CalendarFeed {

    @Id
    @Column(name = "commission_id")
    private Long commissionId;

    @Column(name = "commission_code", nullable = false)
    private String commissionCode;

    @Column(nullable = false)
    private String token;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected CalendarFeed() {
    }

    public CalendarFeed(long commissionId, String commissionCode, String token, Instant createdAt, String createdBy) {
        this.commissionId = commissionId;
        this.commissionCode = commissionCode;
        this.token = token;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getCommissionId() {
        return commissionId;
    }

    public String getCommissionCode() {
        return commissionCode;
    }

    public String getToken() {
        return token;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
