package org.issa.tcw.commission;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.commission.domain.Commission;
import org.issa.tcw.commission.domain.CommissionRepository;
import org.issa.tcw.commission.domain.Membership;
import org.issa.tcw.commission.domain.MembershipRepository;
import org.issa.tcw.commission.domain.MembershipStatus;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who belongs to which commission, in which role. The secretariat (and administrators) manage
 * memberships; a chair or vice-chair may propose a member of their own commission, which the
 * secretariat then confirms or declines.
 */
@Service
@Transactional(readOnly = true)
public class MembershipService {

    private final MembershipRepository memberships;
    private final CommissionRepository commissions;
    private final PersonService people;
    private final CommissionAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    MembershipService(MembershipRepository memberships, CommissionRepository commissions, PersonService people,
            CommissionAccess access, CurrentUser currentUser, Clock clock) {
        this.memberships = memberships;
        this.commissions = commissions;
        this.people = people;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Every membership of a commission, current, proposed and past. */
    @PreAuthorize("@commissionAccess.may('MANAGE_MEMBERSHIPS', #commissionId) or @commissionAccess.may('PROPOSE_MEMBERSHIP', #commissionId)")
    public List<MemberRow> ofCommission(long commissionId) {
        return rows(memberships.allOfCommission(commissionId), people);
    }

    /**
     * Adds a person to a commission. The secretariat's additions are active at once; a chair's
     * are proposals.
     *
     * @return the membership's id
     */
    @Transactional
    @PreAuthorize("@commissionAccess.may('MANAGE_MEMBERSHIPS', #commissionId) or @commissionAccess.may('PROPOSE_MEMBERSHIP', #commissionId)")
    public long add(long commissionId, long personId, CommissionRole role, LocalDate startDate) {
        Commission commission = commissions.findById(commissionId).orElseThrow(NotFoundException::new);
        require(commission.isActive(), "membership.commission-retired");
        require(!people.summaries(List.of(personId)).isEmpty(), "error.not-found");
        require(!memberships.hasOpen(commissionId, personId), "membership.duplicate");
        Membership membership;
        if (access.may(CommissionAction.MANAGE_MEMBERSHIPS, commissionId)) {
            if (role == CommissionRole.CHAIR) {
                requireNoOtherChair(commissionId, -1);
            }
            membership = Membership.active(commission, personId, role, startDate);
        } else {
            Long me = currentUser.require().personId();
            if (me == null) {
                throw new AccessDeniedException("No person record");
            }
            membership = Membership.proposed(commission, personId, role, startDate, me);
        }
        long id = memberships.saveAndFlush(membership).getId();
        access.rolesChanged();
        return id;
    }

    /** Changes the role of a current membership. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeRole(long membershipId, long seenVersion, CommissionRole role) {
        Membership membership = managed(membershipId, seenVersion);
        if (role == CommissionRole.CHAIR && membership.getStatus() == MembershipStatus.ACTIVE) {
            requireNoOtherChair(membership.getCommission().getId(), membershipId);
        }
        membership.changeRole(role);
        memberships.flush();
        access.rolesChanged();
    }

    /** Ends a membership (or withdraws a proposal) today. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void end(long membershipId, long seenVersion) {
        Membership membership = managed(membershipId, seenVersion);
        membership.end(LocalDate.now(clock));
        memberships.flush();
        access.rolesChanged();
    }

    /** Confirms a chair's proposal. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void confirm(long membershipId, long seenVersion) {
        Membership membership = managed(membershipId, seenVersion);
        if (membership.getRole() == CommissionRole.CHAIR) {
            requireNoOtherChair(membership.getCommission().getId(), membershipId);
        }
        membership.confirm();
        memberships.flush();
        access.rolesChanged();
    }

    /** Declines a chair's proposal. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void decline(long membershipId, long seenVersion) {
        Membership membership = managed(membershipId, seenVersion);
        membership.decline(LocalDate.now(clock));
        memberships.flush();
        access.rolesChanged();
    }

    /** Loads a membership the current user may manage, at the version they saw. */
    private Membership managed(long membershipId, long seenVersion) {
        Membership membership = memberships.findById(membershipId).orElseThrow(NotFoundException::new);
        if (!access.may(CommissionAction.MANAGE_MEMBERSHIPS, membership.getCommission().getId())) {
            throw new AccessDeniedException("Only the secretariat manages memberships");
        }
        Versions.requireUnchanged(membership.getVersion(), seenVersion);
        return membership;
    }

    private void requireNoOtherChair(long commissionId, long exceptMembershipId) {
        List<Long> chairs = memberships.otherActiveChairs(commissionId, exceptMembershipId);
        if (!chairs.isEmpty()) {
            PersonSummary chair = people.summaries(chairs).get(chairs.get(0));
            throw new UserFacingException("membership.chair-taken", chair == null ? "?" : chair.displayName());
        }
    }

    static List<MemberRow> rows(List<Membership> list, PersonService people) {
        Map<Long, PersonSummary> persons = people.summaries(list.stream().map(Membership::getPersonId).toList());
        return list.stream().map(m -> {
            PersonSummary p = persons.get(m.getPersonId());
            return new MemberRow(m.getId(), m.getPersonId(), p == null ? "?" : p.displayName(),
                    p == null ? null : p.institutionName(), p == null ? null : p.countryCode(), m.getRole(),
                    m.getStatus().name(), m.getStartDate(), m.getEndDate(), m.getVersion());
        }).toList();
    }
}
