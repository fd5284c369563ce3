package org.issa.tcw.commission.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionRole;
import org.jspecify.annotations.Nullable;

/**
 * A person's role in a commission over a period. The person belongs to the people feature and is
 * referred to by id only.
 */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commission_id")
    private Commission commission;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommissionRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipStatus status;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private @Nullable LocalDate endDate;

    @Column(name = "proposed_by")
    private @Nullable Long proposedBy;

    @Version
    private long version;

    protected Membership() {
    }

    private Membership(Commission commission, long personId, CommissionRole role, LocalDate startDate,
            MembershipStatus status, @Nullable Long proposedBy) {
        this.commission = commission;
        this.personId = personId;
        this.role = role;
        this.startDate = startDate;
        this.status = status;
        this.proposedBy = proposedBy;
    }

    public static Membership active(Commission commission, long personId, CommissionRole role, LocalDate start) {
        return new Membership(commission, personId, role, start, MembershipStatus.ACTIVE, null);
    }

    public static Membership proposed(Commission commission, long personId, CommissionRole role, LocalDate start,
            long proposedBy) {
        return new Membership(commission, personId, role, start, MembershipStatus.PROPOSED, proposedBy);
    }

    public void changeRole(CommissionRole newRole) {
        requireOpen();
        this.role = newRole;
    }

    /** Ends the membership on the given day (not before it started). */
    public void end(LocalDate day) {
        requireOpen();
        if (day.isBefore(startDate)) {
            throw new UserFacingException("membership.end.before-start");
        }
        this.endDate = day;
        this.status = status == MembershipStatus.PROPOSED ? MembershipStatus.DECLINED : MembershipStatus.ENDED;
    }

    public void confirm() {
        if (status != MembershipStatus.PROPOSED) {
            throw new UserFacingException("membership.not-proposed");
        }
        this.status = MembershipStatus.ACTIVE;
    }

    public void decline(LocalDate day) {
        if (status != MembershipStatus.PROPOSED) {
            throw new UserFacingException("membership.not-proposed");
        }
        this.status = MembershipStatus.DECLINED;
        this.endDate = day;
    }

    private void requireOpen() {
        if (status == MembershipStatus.ENDED || status == MembershipStatus.DECLINED) {
            throw new UserFacingException("membership.already-ended");
        }
    }

    public Long getId() {
        return id;
    }

    public Commission getCommission() {
        return commission;
    }

    public long getPersonId() {
        return personId;
    }

    public CommissionRole getRole() {
        return role;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public @Nullable LocalDate getEndDate() {
        return endDate;
    }

    public long getVersion() {
        return version;
    }
}
