package org.issa.tcw.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.programme.domain.MilestoneFacts;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.issa.tcw.programme.domain.PriorityRepository;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.ProjectFacts;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.issa.tcw.programme.domain.WorkProgramme;
import org.issa.tcw.programme.domain.WorkProgrammeRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's view across commissions: progress per commission, overdue milestones, the
 * next 90 days, programmes awaiting approval, and the cross-commission timeline. Aggregates are
 * computed by the database (group by) and the milestone lists are read page by page (with a count
 * query for the total), so the number of statements does not grow with the data.
 */
@Service
@Transactional(readOnly = true)
public class SecretariatService {

    /** How far ahead "due soon" looks on the dashboard. */
    public static final int DUE_SOON_DAYS = 90;
    /** The earliest due date the overdue list looks at (it has no lower bound in practice). */
    private static final LocalDate LONG_AGO = LocalDate.of(1900, 1, 1);

    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final WorkProgrammeRepository programmes;
    private final PriorityRepository priorities;
    private final ProgrammeEventRepository events;
    private final TrienniumRepository trienniums;
    private final CommissionService commissions;
    private final PersonService people;
    private final ProgrammeQueries queries;
    private final Clock clock;

    SecretariatService(ProjectRepository projects, MilestoneRepository milestones, WorkProgrammeRepository programmes,
            PriorityRepository priorities, ProgrammeEventRepository events, TrienniumRepository trienniums,
            CommissionService commissions, PersonService people, ProgrammeQueries queries, Clock clock) {
        this.projects = projects;
        this.milestones = milestones;
        this.programmes = programmes;
        this.priorities = priorities;
        this.events = events;
        this.trienniums = trienniums;
        this.commissions = commissions;
        this.people = people;
        this.queries = queries;
        this.clock = clock;
    }

    /** The dashboard for the active triennium; empty if no triennium runs. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public Optional<SecretariatDashboard> dashboard(DashboardFilter filter) {
        Optional<Triennium> active = trienniums.findByStatus(TrienniumStatus.ACTIVE);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Triennium t = active.get();
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(DUE_SOON_DAYS);
        List<CommissionSummary> all = commissions.activeCommissions();
        Map<Long, EnumMap<ProjectStatus, Long>> byStatus = new HashMap<>();
        for (Object[] row : projects.statusCounts(t.getId(), filter.commissionId(), filter.priorityId(),
                filter.status())) {
            byStatus.computeIfAbsent((Long) row[0], k -> new EnumMap<>(ProjectStatus.class))
                    .put((ProjectStatus) row[1], (Long) row[2]);
        }
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] row : projects.milestoneCounts(t.getId(), filter.commissionId(), filter.priorityId(),
                filter.status(), today, horizon)) {
            counts.put((Long) row[0], new long[] {num(row[1]), num(row[2]), num(row[3]), num(row[4])});
        }
        Map<Long, WorkProgramme> programmeOf = new HashMap<>();
        programmes.findByTrienniumId(t.getId()).forEach(w -> programmeOf.put(w.getCommissionId(), w));
        List<CommissionProgress> lines = new ArrayList<>();
        Map<Long, CommissionSummary> byId = new HashMap<>();
        for (CommissionSummary c : all) {
            byId.put(c.id(), c);
            if (filter.commissionId() != null && filter.commissionId() != c.id()) {
                continue;
            }
            EnumMap<ProjectStatus, Long> statuses = byStatus.getOrDefault(c.id(), new EnumMap<>(ProjectStatus.class));
            long[] m = counts.getOrDefault(c.id(), new long[4]);
            WorkProgramme w = programmeOf.get(c.id());
            lines.add(new CommissionProgress(c.id(), c.code(), c.name(), w == null ? null : w.getStatus(), statuses,
                    statuses.values().stream().mapToLong(Long::longValue).sum(), m[0], m[1], m[2], m[3]));
        }
        long overdue = countDue(DueWindow.OVERDUE, t.getId(), filter, today);
        long dueSoon = countDue(DueWindow.DUE_SOON, t.getId(), filter, today);
        List<AwaitingApproval> awaiting = programmeOf.values().stream()
                .filter(w -> w.getStatus() == ProgrammeStatus.SUBMITTED && byId.containsKey(w.getCommissionId()))
                .filter(w -> filter.commissionId() == null || filter.commissionId() == w.getCommissionId())
                .sorted(java.util.Comparator.comparing(w -> commissionOf(byId, w).code()))
                .map(w -> new AwaitingApproval(w.getId(), w.getCommissionId(), commissionOf(byId, w).code(),
                        commissionOf(byId, w).name(), w.getSubmittedAt(), w.getSubmittedBy(), w.getVersion()))
                .toList();
        return Optional.of(new SecretariatDashboard(ProgrammeQueries.row(t), lines, overdue, dueSoon, awaiting,
                priorities.findByTrienniumIdOrderBySortOrderAscIdAsc(t.getId()).stream().map(ProgrammeService::row)
                        .toList(),
                DUE_SOON_DAYS));
    }

    /**
     * One page of the open milestones of the active triennium that are overdue or due within
     * {@link #DUE_SOON_DAYS} days, earliest first, narrowed by the dashboard's filters. A fixed
     * number of statements per page (the page, its projects, their owners' names), however
     * many milestones there are.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<DueMilestone> dueMilestones(DueWindow window, DashboardFilter filter, Pageable page) {
        Optional<Triennium> active = trienniums.findByStatus(TrienniumStatus.ACTIVE);
        if (active.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate[] range = range(window, today);
        Pageable unsorted = PageRequest.of(page.getPageNumber(), page.getPageSize());
        List<MilestoneFacts> list = milestones.openDueBetween(active.get().getId(), range[0], range[1],
                filter.commissionId(), filter.priorityId(), filter.status(), unsorted);
        if (list.isEmpty()) {
            return List.of();
        }
        Set<Long> projectIds = new HashSet<>();
        Set<Long> owners = new HashSet<>();
        for (MilestoneFacts m : list) {
            projectIds.add(m.projectId());
            if (m.ownerPersonId() != null) {
                owners.add(m.ownerPersonId());
            }
        }
        Map<Long, ProjectFacts> projectFacts = new HashMap<>();
        projects.factsByIds(projectIds).forEach(p -> projectFacts.put(p.id(), p));
        Map<Long, CommissionSummary> byId = new HashMap<>();
        commissions.activeCommissions().forEach(c -> byId.put(c.id(), c));
        return due(list, projectFacts, byId, people.summaries(owners));
    }

    /** How many milestones {@link #dueMilestones} lists over all its pages. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public long countDueMilestones(DueWindow window, DashboardFilter filter) {
        return trienniums.findByStatus(TrienniumStatus.ACTIVE)
                .map(t -> countDue(window, t.getId(), filter, LocalDate.now(clock))).orElse(0L);
    }

    private long countDue(DueWindow window, long trienniumId, DashboardFilter filter, LocalDate today) {
        LocalDate[] range = range(window, today);
        return milestones.countOpenDueBetween(trienniumId, range[0], range[1], filter.commissionId(),
                filter.priorityId(), filter.status());
    }

    private static LocalDate[] range(DueWindow window, LocalDate today) {
        return switch (window) {
            case OVERDUE -> new LocalDate[] {LONG_AGO, today.minusDays(1)};
            case DUE_SOON -> new LocalDate[] {today, today.plusDays(DUE_SOON_DAYS)};
        };
    }

    /** The cross-commission timeline of the active triennium (projects with milestones, and the events). */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public Optional<Timeline> timeline(DashboardFilter filter) {
        return trienniums.findByStatus(TrienniumStatus.ACTIVE).map(t -> new Timeline(ProgrammeQueries.row(t),
                queries.nodes(projects.factsOfTriennium(t.getId(), filter.commissionId(), filter.priorityId(),
                        filter.status()), p -> true),
                events.findByTrienniumIdOrderByEventDateAsc(t.getId()).stream()
                        .map(e -> new EventRow(e.getId(), e.getKind(), e.getTitle(), e.getEventDate())).toList()));
    }

    private static List<DueMilestone> due(List<MilestoneFacts> list, Map<Long, ProjectFacts> projectFacts,
            Map<Long, CommissionSummary> commissions, Map<Long, PersonSummary> names) {
        List<DueMilestone> result = new ArrayList<>();
        for (MilestoneFacts m : list) {
            ProjectFacts p = projectFacts.get(m.projectId());
            CommissionSummary c = p == null ? null : commissions.get(p.commissionId());
            result.add(new DueMilestone(m.id(), m.projectId(), p == null ? "" : p.title(), c == null ? "?" : c.code(),
                    m.title(), m.dueDate(), ProgrammeQueries.name(names, m.ownerPersonId())));
        }
        return result;
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Projects and events of a triennium for a timeline. */
    public record Timeline(TrienniumRow triennium, List<ProjectNode> projects, List<EventRow> events) {
    }

    /** The commission of a programme in a map that holds it (filtered before). */
    private static CommissionSummary commissionOf(Map<Long, CommissionSummary> byId, WorkProgramme w) {
        return java.util.Objects.requireNonNull(byId.get(w.getCommissionId()));
    }
}
