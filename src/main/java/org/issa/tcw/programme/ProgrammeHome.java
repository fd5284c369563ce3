package org.issa.tcw.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.issa.tcw.programme.domain.WorkProgramme;
import org.issa.tcw.programme.domain.WorkProgrammeRepository;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the programme contributes to the home page, for the signed-in person only: the milestones
 * they own that are overdue or due soon, the triennium's next events, and — for chairs — what in
 * their programmes needs attention. Each list is a fixed number of statements, however much data
 * there is.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeHome {

    private final MilestoneRepository milestones;
    private final ProgrammeEventRepository events;
    private final TrienniumRepository trienniums;
    private final WorkProgrammeRepository programmes;
    private final CommissionService commissions;
    private final CommissionAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    ProgrammeHome(MilestoneRepository milestones, ProgrammeEventRepository events, TrienniumRepository trienniums,
            WorkProgrammeRepository programmes, CommissionService commissions, CommissionAccess access,
            CurrentUser currentUser, Clock clock) {
        this.milestones = milestones;
        this.events = events;
        this.trienniums = trienniums;
        this.programmes = programmes;
        this.commissions = commissions;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The open milestones I own that are overdue or due within {@code days} days, earliest first
     * (at most {@code limit}); nobody else's.
     */
    @PreAuthorize("isAuthenticated()")
    public List<DueMilestone> myMilestones(int days, int limit) {
        Long me = currentUser.require().personId();
        if (me == null) {
            return List.of();
        }
        var owned = milestones.openOwnedBy(me, LocalDate.now(clock).plusDays(days), PageRequest.of(0, limit));
        if (owned.isEmpty()) {
            return List.of();
        }
        Map<Long, String> codes = codes();
        return owned.stream().map(m -> new DueMilestone(m.id(), m.projectId(), m.projectTitle(),
                codes.getOrDefault(m.commissionId(), "?"), m.title(), m.dueDate(), null)).toList();
    }

    /** The active triennium's events from today on, earliest first (events are public to every member). */
    @PreAuthorize("isAuthenticated()")
    public List<EventRow> upcomingEvents(int limit) {
        Optional<Triennium> active = trienniums.findByStatus(TrienniumStatus.ACTIVE);
        if (active.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return events.findByTrienniumIdOrderByEventDateAsc(active.get().getId()).stream()
                .filter(e -> !e.getEventDate().isBefore(today)).limit(limit)
                .map(e -> new EventRow(e.getId(), e.getKind(), e.getTitle(), e.getEventDate())).toList();
    }

    /**
     * For the commissions among {@code commissionIds} whose programme I may edit (chairs and vice
     * chairs): programmes still to be submitted or returned, and the projects with overdue
     * milestones (most overdue first, at most {@code limit}). Other commissions are left out.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ProgrammeAttention> needingAttention(Set<Long> commissionIds, int limit) {
        Set<Long> mine = new HashSet<>(commissionIds);
        mine.retainAll(access.commissionsWhere(CommissionAction.EDIT_PROGRAMME));
        Optional<Triennium> active = trienniums.findByStatus(TrienniumStatus.ACTIVE);
        if (mine.isEmpty() || active.isEmpty()) {
            return List.of();
        }
        Map<Long, String> codes = codes();
        List<ProgrammeAttention> result = new ArrayList<>();
        for (WorkProgramme p : programmes.findByTrienniumId(active.get().getId())) {
            if (mine.contains(p.getCommissionId())
                    && (p.getStatus() == ProgrammeStatus.DRAFT || p.getStatus() == ProgrammeStatus.RETURNED)) {
                result.add(new ProgrammeAttention(codes.getOrDefault(p.getCommissionId(), "?"), null, "",
                        0, p.getStatus()));
            }
        }
        milestones.overdueByProject(active.get().getId(), mine, LocalDate.now(clock), PageRequest.of(0, limit))
                .forEach(o -> result.add(new ProgrammeAttention(codes.getOrDefault(o.commissionId(), "?"),
                        o.projectId(), o.title(), o.overdue(), null)));
        return result;
    }

    private Map<Long, String> codes() {
        Map<Long, String> codes = new HashMap<>();
        for (CommissionSummary c : commissions.activeCommissions()) {
            codes.put(c.id(), c.code());
        }
        return codes;
    }

    /**
     * Something in a chair's programme that needs them: a programme to submit (or returned), with
     * its {@code programmeStatus}; or a project ({@code projectId}, {@code title}) with
     * {@code overdue} milestones past due.
     */
    public record ProgrammeAttention(String commissionCode, @Nullable Long projectId, String title, long overdue,
            @Nullable ProgrammeStatus programmeStatus) {
    }
}
