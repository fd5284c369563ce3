package org.issa.tcw.programme.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.issa.tcw.programme.ProjectStatus;
import org.jspecify.annotations.Nullable;

/** One entry of a project's status history: who set which status when, with the note. Never changed. */
@Entity
@Table(name = "project_status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ProjectStatus status;

    @Column(updatable = false)
    private @Nullable String note;

    @Column(name = "status_date", nullable = false, updatable = false)
    private LocalDate statusDate;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    protected StatusChange() {
    }

    public StatusChange(long projectId, ProjectStatus status, @Nullable String note, LocalDate statusDate,
            Instant changedAt, String changedBy) {
        this.projectId = projectId;
        this.status = status;
        this.note = note;
        this.statusDate = statusDate;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public Long getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public ProjectStatus getStatus() {
        return status;
    }

    public @Nullable String getNote() {
        return note;
    }

    public LocalDate getStatusDate() {
        return statusDate;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
