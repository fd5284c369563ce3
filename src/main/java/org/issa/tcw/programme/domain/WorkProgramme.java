package org.issa.tcw.programme.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.programme.ProgrammeStatus;
import org.jspecify.annotations.Nullable;

/**
 * A commission's work programme for one triennium and where it stands in the approval workflow:
 * the chair submits it, the secretariat approves it (the plan becomes the baseline) or returns it
 * with a comment. An approved programme may be revised and submitted again.
 */
@Entity
@Table(name = "work_programme")
public class WorkProgramme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "commission_id", nullable = false, updatable = false)
    private long commissionId;

    @Column(name = "triennium_id", nullable = false, updatable = false)
    private long trienniumId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgrammeStatus status = ProgrammeStatus.DRAFT;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "submitted_by")
    private @Nullable String submittedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decided_by")
    private @Nullable String decidedBy;

    @Column(name = "return_comment")
    private @Nullable String returnComment;

    @Column(name = "baseline_at")
    private @Nullable Instant baselineAt;

    @Version
    private long version;

    protected WorkProgramme() {
    }

    public WorkProgramme(long commissionId, long trienniumId) {
        this.commissionId = commissionId;
        this.trienniumId = trienniumId;
    }

    public void submit(Instant at, String by) {
        if (status == ProgrammeStatus.SUBMITTED) {
            throw new UserFacingException("programme.submit.already");
        }
        status = ProgrammeStatus.SUBMITTED;
        submittedAt = at;
        submittedBy = by;
    }

    public void approve(Instant at, String by) {
        requireSubmitted();
        status = ProgrammeStatus.APPROVED;
        decidedAt = at;
        decidedBy = by;
        baselineAt = at;
        returnComment = null;
    }

    public void returnForRevision(Instant at, String by, String comment) {
        requireSubmitted();
        status = ProgrammeStatus.RETURNED;
        decidedAt = at;
        decidedBy = by;
        returnComment = comment.trim();
    }

    private void requireSubmitted() {
        if (status != ProgrammeStatus.SUBMITTED) {
            throw new UserFacingException("programme.decide.not-submitted");
        }
    }

    public Long getId() {
        return id;
    }

    public long getCommissionId() {
        return commissionId;
    }

    public long getTrienniumId() {
        return trienniumId;
    }

    public ProgrammeStatus getStatus() {
        return status;
    }

    public @Nullable Instant getSubmittedAt() {
        return submittedAt;
    }

    public @Nullable String getSubmittedBy() {
        return submittedBy;
    }

    public @Nullable Instant getDecidedAt() {
        return decidedAt;
    }

    public @Nullable String getDecidedBy() {
        return decidedBy;
    }

    public @Nullable String getReturnComment() {
        return returnComment;
    }

    public @Nullable Instant getBaselineAt() {
        return baselineAt;
    }

    public long getVersion() {
        return version;
    }
}
