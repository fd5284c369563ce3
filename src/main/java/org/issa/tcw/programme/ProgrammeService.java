package org.issa.tcw.programme;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.programme.domain.Priority;
import org.issa.tcw.programme.domain.PriorityRepository;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectFacts;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.StatusChangeRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.issa.tcw.programme.domain.WorkProgramme;
import org.issa.tcw.programme.domain.WorkProgrammeRepository;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * A commission's work programme as it is read: the tree of priorities, projects and milestones
 * with what the reader may do, and a project's page. Changes go through {@link ProjectService},
 * {@link MilestoneService} and {@link ProgrammeApprovalService}.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

    private final ProjectRepository projects;
    private final PriorityRepository priorities;
    private final ProgrammeEventRepository events;
    private final WorkProgrammeRepository programmes;
    private final StatusChangeRepository statusChanges;
    private final TrienniumRepository trienniums;
    private final CommissionService commissions;
    private final CommissionAccess commissionAccess;
    private final ProgrammeAccess access;
    private final ProgrammeQueries queries;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final DocumentWorkflow workflow;

    ProgrammeService(ProjectRepository projects, PriorityRepository priorities, ProgrammeEventRepository events, WorkProgrammeRepository programmes, StatusChangeRepository statusChanges, TrienniumRepository trienniums, CommissionService commissions, CommissionAccess commissionAccess, ProgrammeAccess access, ProgrammeQueries queries, PersonService people, CurrentUser currentUser, DocumentWorkflow workflow) {
        this.workflow = workflow;
        this.projects = projects;
        this.priorities = priorities;
        this.events = events;
        this.programmes = programmes;
        this.statusChanges = statusChanges;
        this.trienniums = trienniums;
        this.commissions = commissions;
        this.commissionAccess = commissionAccess;
        this.access = access;
        this.queries = queries;
        this.people = people;
        this.currentUser = currentUser;
    }

    /**
     * A commission's programme for a triennium (the active one, else the newest, when none is
     * given), in a fixed number of statements whatever its size.
     *
     * @throws NotFoundException if the commission or triennium does not exist
     */
    @PreAuthorize("@commissionAccess.may('READ', #code)")
    public ProgrammeTree tree(String code, @Nullable Long trienniumId) {
        CommissionDetails commission = commissions.details(code.toUpperCase(Locale.ROOT))
                .orElseThrow(NotFoundException::new);
        List<Triennium> all = trienniums.findAllByOrderByStartYearDesc();
        Triennium triennium = all.stream()
                .filter(t -> trienniumId == null ? t.getStatus() == TrienniumStatus.ACTIVE : t.getId().equals(trienniumId))
                .findFirst().orElseGet(() -> {
                    if (trienniumId != null || all.isEmpty()) {
                        throw new NotFoundException();
                    }
                    return all.get(0);
                });
        long commissionId = commission.id();
        boolean closed = triennium.getStatus() == TrienniumStatus.CLOSED;
        boolean mayEdit = !closed && commissionAccess.may(CommissionAction.EDIT_PROGRAMME, commissionId);
        boolean mayEditOwn = !closed && commissionAccess.may(CommissionAction.EDIT_OWN_PROJECTS, commissionId);
        Long me = currentUser.personId().orElse(null);
        List<ProjectFacts> facts = projects.factsOfProgramme(commissionId, triennium.getId());
        // other owners' edit rights, asked once per commission (not per project)
        Map<Long, Boolean> mayEditOwner = new java.util.HashMap<>();
        List<ProjectNode> nodes = queries.nodes(facts, p -> !closed && (p.facts().commissionId() == commissionId
                ? mayEdit || mayEditOwn && me != null && p.involves(me)
                : mayEditOwner.computeIfAbsent(p.facts().commissionId(),
                        c -> commissionAccess.may(CommissionAction.EDIT_PROGRAMME, c))));
        Map<Long, List<ProjectNode>> byPriority = new LinkedHashMap<>();
        List<PriorityRow> priorityRows = priorities.findByTrienniumIdOrderBySortOrderAscIdAsc(triennium.getId())
                .stream().map(ProgrammeService::row).toList();
        priorityRows.forEach(p -> byPriority.put(p.id(), new ArrayList<>()));
        nodes.forEach(n -> byPriority.computeIfAbsent(n.priorityId(), k -> new ArrayList<>()).add(n));
        List<PriorityNode> tree = priorityRows.stream().map(p -> new PriorityNode(p, byPriority.getOrDefault(p.id(), List.of()))).toList();
        ProgrammeState state = programmes.findByCommissionIdAndTrienniumId(commissionId, triennium.getId())
                .map(ProgrammeService::state)
                .orElse(new ProgrammeState(null, ProgrammeStatus.DRAFT, null, null, null, null, null, null, 0));
        boolean maySubmit = !closed && commissionAccess.may(CommissionAction.SUBMIT_PROGRAMME, commissionId)
                && state.status() != ProgrammeStatus.SUBMITTED && !nodes.isEmpty();
        boolean mayApprove = !closed && commissionAccess.may(CommissionAction.APPROVE_PROGRAMME, commissionId)
                && state.status() == ProgrammeStatus.SUBMITTED;
        return new ProgrammeTree(commissionId, commission.code(), commission.name(), ProgrammeQueries.row(triennium),
                all.stream().map(ProgrammeQueries::row).toList(), state, mayEdit, maySubmit, mayApprove, tree,
                eventRows(triennium.getId()));
    }
    /** A project's page. */
    @PreAuthorize("@programmeAccess.mayRead(#id)")
    public ProjectDetails project(long id) {
        Project p = projects.findById(id).orElseThrow(NotFoundException::new);
        Triennium t = trienniums.findById(p.getTrienniumId()).orElseThrow(NotFoundException::new);
        boolean closed = t.getStatus() == TrienniumStatus.CLOSED;
        Priority priority = priorities.findById(p.getPriorityId()).orElseThrow(NotFoundException::new);
        Map<Long, String> codes = queries.codes();
        Set<Long> personIds = new HashSet<>(p.getContributorIds());
        if (p.getLeadPersonId() != null) {
            personIds.add(p.getLeadPersonId());
        }
        p.getMilestones().forEach(m -> {
            if (m.getOwnerPersonId() != null) {
                personIds.add(m.getOwnerPersonId());
            }
        });
        Map<Long, PersonSummary> names = people.summaries(personIds);
        Map<Long, String> eventTitles = new LinkedHashMap<>();
        List<EventRow> eventRows = eventRows(p.getTrienniumId());
        eventRows.forEach(e -> eventTitles.put(e.id(), e.title()));
        Map<Long, DocumentStage> stages = workflow.stagesOf(p.getMilestones().stream()
                .map(m -> m.getDocumentId()).filter(java.util.Objects::nonNull).toList());
        List<MilestoneRow> milestoneRows = p.getMilestones().stream()
                .map(m -> new MilestoneRow(m.getId(), p.getId(), m.getTitle(), m.getDueDate(), m.getBaselineDue(),
                        m.getDoneDate(), m.isCancelled(), m.getOwnerPersonId(),
                        ProgrammeQueries.name(names, m.getOwnerPersonId()), m.getEventId(),
                        m.getEventId() == null ? null : eventTitles.get(m.getEventId()), m.getDocumentId(),
                        m.getVersion(), m.getCompletesOn(), m.isDoneByDocument(),
                        m.getDocumentId() == null ? null : stages.get(m.getDocumentId()), m.isConsultationLate()))
                .toList();
        Map<Long, String> peopleNames = new LinkedHashMap<>();
        names.forEach((k, v) -> peopleNames.put(k, v.displayName()));
        String commissionName = commissions.activeCommissions().stream().filter(c -> c.id() == p.getCommissionId())
                .map(c -> c.name()).findFirst().orElse("");
        boolean mayEditAll = !closed && access.mayEditAll(p);
        return new ProjectDetails(p.getId(), p.getCommissionId(), codes.getOrDefault(p.getCommissionId(), "?"),
                commissionName, ProgrammeQueries.row(t), row(priority), p.getTitle(), p.getDescription(), p.getType(),
                p.getLeadPersonId(), ProgrammeQueries.name(names, p.getLeadPersonId()), p.getContributorIds(),
                p.getContributorIds().stream().map(c -> ProgrammeQueries.name(names, c)).filter(n -> n != null)
                        .sorted().toList(),
                p.getParticipatingCommissionIds(),
                p.getParticipatingCommissionIds().stream().map(c -> codes.getOrDefault(c, "?")).sorted().toList(),
                p.getStartDate(), p.getEndDate(), p.getBaselineStart(), p.getBaselineEnd(), p.getStatus(),
                p.getStatusNote(), p.getStatusDate(), p.getCarriedFromId(), projects.carriedTo(id).orElse(null),
                p.getVersion(), mayEditAll, !closed && access.mayUpdate(p),
                closed && !p.getStatus().finished() && access.mayEditAll(p) && projects.carriedTo(id).isEmpty(),
                milestoneRows,
                statusChanges.findByProjectIdOrderByChangedAtDescIdDesc(id).stream()
                        .map(s -> new StatusChangeRow(s.getStatus(), s.getNote(), s.getStatusDate(), s.getChangedAt(),
                                s.getChangedBy()))
                        .toList(),
                eventRows, peopleNames);
    }
    private List<EventRow> eventRows(long trienniumId) {
        return events.findByTrienniumIdOrderByEventDateAsc(trienniumId).stream()
                .map(e -> new EventRow(e.getId(), e.getKind(), e.getTitle(), e.getEventDate()))
                .sorted(Comparator.comparing(EventRow::date)).toList();
    }
    static PriorityRow row(Priority p) {
        return new PriorityRow(p.getId(), p.getTrienniumId(), p.getSortOrder(), p.getTitle(), p.getDescription(),
                p.getVersion());
    }
    static ProgrammeState state(WorkProgramme w) {
        return new ProgrammeState(w.getId(), w.getStatus(), w.getSubmittedAt(), w.getSubmittedBy(), w.getDecidedAt(),
                w.getDecidedBy(), w.getReturnComment(), w.getBaselineAt(), w.getVersion());
    }
}
