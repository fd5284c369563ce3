package org.issa.tcw.commission;

import static org.issa.tcw.base.Checks.require;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.FormValidation;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.StillInUseException;
import org.issa.tcw.base.UsageCheck;
import org.issa.tcw.base.Versions;
import org.issa.tcw.commission.domain.Commission;
import org.issa.tcw.commission.domain.CommissionCount;
import org.issa.tcw.commission.domain.CommissionPerson;
import org.issa.tcw.commission.domain.CommissionRepository;
import org.issa.tcw.commission.domain.Membership;
import org.issa.tcw.commission.domain.MembershipRepository;
import org.issa.tcw.commission.domain.MembershipStatus;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commissions: what everyone signed in may see of them, and their administration. */
@Service
@Transactional(readOnly = true)
public class CommissionService {

    private final CommissionRepository commissions;
    private final MembershipRepository memberships;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final CommissionAccess access;
    private final List<UsageCheck> usageChecks;

    CommissionService(CommissionRepository commissions, MembershipRepository memberships, PersonService people,
            CurrentUser currentUser, CommissionAccess access, List<UsageCheck> usageChecks) {
        this.commissions = commissions;
        this.memberships = memberships;
        this.people = people;
        this.currentUser = currentUser;
        this.access = access;
        this.usageChecks = usageChecks;
    }

    /**
     * The dashboard: the commissions I belong to with my role; for the secretariat and
     * administrators, every active commission.
     */
    @PreAuthorize("isAuthenticated()")
    public List<MyCommission> myCommissions() {
        SignedInUser user = currentUser.require();
        Map<Long, CommissionRole> myRoles = new HashMap<>();
        List<Commission> list;
        if (user.personId() != null) {
            for (Membership m : memberships.activeOfPerson(user.personId())) {
                myRoles.merge(m.getCommission().getId(), m.getRole(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        if (user.isStaff()) {
            list = commissions.findByActiveTrueOrderByCodeAsc();
        } else {
            list = user.personId() == null ? List.of()
                    : memberships.activeOfPerson(user.personId()).stream().map(Membership::getCommission)
                            .filter(Commission::isActive).distinct()
                            .sorted(Comparator.comparing(Commission::getCode)).toList();
        }
        Facts facts = facts(list.stream().map(Commission::getId).toList());
        return list.stream().map(c -> new MyCommission(c.getId(), c.getCode(), c.getName(), myRoles.get(c.getId()),
                facts.chairName(c.getId()), facts.memberCount(c.getId()))).toList();
    }

    /** A page of the commissions grid; retired commissions only when asked for. */
    @PreAuthorize("isAuthenticated()")
    public List<CommissionSummary> page(String filter, boolean includeRetired, Pageable pageable) {
        Page<Commission> page = commissions.search(normalize(filter), includeRetired, pageable);
        Facts facts = facts(page.stream().map(Commission::getId).toList());
        return page.stream().map(c -> new CommissionSummary(c.getId(), c.getCode(), c.getName(),
                facts.chairName(c.getId()), facts.memberCount(c.getId()), c.isActive())).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public long count(String filter, boolean includeRetired) {
        return commissions.countSearch(normalize(filter), includeRetired);
    }

    /** Every active commission, by code (for choosing one). */
    @PreAuthorize("isAuthenticated()")
    public List<CommissionSummary> activeCommissions() {
        return commissions.findByActiveTrueOrderByCodeAsc().stream()
                .map(c -> new CommissionSummary(c.getId(), c.getCode(), c.getName(), null, 0, true)).toList();
    }

    /**
     * A commission's page. Its members are listed for those who may read the commission's work;
     * others get the public summary.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<CommissionDetails> details(String code) {
        return commissions.findByCode(code.toUpperCase(Locale.ROOT)).map(c -> {
            boolean membersVisible = access.may(CommissionAction.READ, c.getId());
            Facts facts = facts(List.of(c.getId()));
            List<MemberRow> members = membersVisible
                    ? MembershipService.rows(memberships.openOfCommission(c.getId()).stream()
                            .filter(m -> m.getStatus() == MembershipStatus.ACTIVE).toList(), people)
                    : List.of();
            return new CommissionDetails(c.getId(), c.getCode(), c.getName(), c.getMandate(), c.isActive(),
                    facts.chairName(c.getId()), membersVisible, members, access.roleIn(c.getId()).orElse(null));
        });
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public CommissionForm load(long id) {
        Commission c = commissions.findById(id).orElseThrow(NotFoundException::new);
        CommissionForm form = new CommissionForm();
        form.setId(c.getId());
        form.setVersion(c.getVersion());
        form.setCode(c.getCode());
        form.setName(c.getName());
        form.setMandate(c.getMandate());
        form.setActive(c.isActive());
        return form;
    }

    /**
     * Creates a commission or renames, re-describes, retires or reactivates one. The code is fixed
     * once created (routes and links use it).
     *
     * @return the commission's id
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public long save(CommissionForm form) {
        FormValidation.validate(form);
        long exceptId = form.getId() == null ? -1 : form.getId();
        require(!commissions.nameTaken(form.getName().trim(), exceptId), "commission.name.taken");
        Commission commission;
        if (form.getId() == null) {
            require(!commissions.codeTaken(form.getCode().trim(), exceptId), "commission.code.taken");
            commission = new Commission(form.getCode(), form.getName(), form.getMandate());
        } else {
            commission = commissions.findById(form.getId()).orElseThrow(NotFoundException::new);
            Versions.requireUnchanged(commission.getVersion(), form.getVersion());
            require(commission.getCode().equalsIgnoreCase(form.getCode().trim()), "commission.code.fixed");
        }
        commission.update(form.getName(), form.getMandate(), form.isActive());
        return commissions.saveAndFlush(commission).getId();
    }

    /**
     * Deletes a commission that never had members nor work; otherwise retire it instead.
     *
     * @throws StillInUseException if memberships or other features' records refer to it
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void delete(long id) {
        Commission commission = commissions.findById(id).orElseThrow(NotFoundException::new);
        long count = memberships.countByCommissionId(id);
        if (count > 0) {
            throw new StillInUseException("commission.delete.in-use", count);
        }
        UsageCheck.requireUnused(usageChecks, "commission", id);
        commissions.delete(commission);
    }

    private Facts facts(Collection<Long> commissionIds) {
        if (commissionIds.isEmpty()) {
            return new Facts(Map.of(), Map.of());
        }
        Map<Long, Long> counts = new HashMap<>();
        for (CommissionCount row : memberships.countActive(commissionIds)) {
            counts.put(row.commissionId(), row.count());
        }
        Map<Long, Long> chairIds = new HashMap<>();
        for (CommissionPerson row : memberships.chairs(commissionIds)) {
            chairIds.putIfAbsent(row.commissionId(), row.personId());
        }
        Map<Long, PersonSummary> chairs = people.summaries(chairIds.values());
        Map<Long, String> chairNames = new HashMap<>();
        chairIds.forEach((commissionId, personId) -> {
            PersonSummary p = chairs.get(personId);
            if (p != null) {
                chairNames.put(commissionId, p.displayName());
            }
        });
        return new Facts(counts, chairNames);
    }

    private record Facts(Map<Long, Long> counts, Map<Long, String> chairs) {
        long memberCount(long id) {
            return counts.getOrDefault(id, 0L);
        }

        @Nullable String chairName(long id) {
            return chairs.get(id);
        }
    }

    private static String normalize(String filter) {
        return filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
    }
}
