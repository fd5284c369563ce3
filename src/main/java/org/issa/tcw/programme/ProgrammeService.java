package org.issa.tcw.programme;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.programme.ProgrammeEvents.MilestoneCompleted;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeApproved;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeReturned;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeSubmitted;
import org.issa.tcw.programme.domain.Milestone;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.issa.tcw.programme.domain.Priority;
import org.issa.tcw.programme.domain.PriorityRepository;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectFacts;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.StatusChange;
import org.issa.tcw.programme.domain.StatusChangeRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.issa.tcw.programme.domain.WorkProgramme;
import org.issa.tcw.programme.domain.WorkProgrammeRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A commission's work programme: the tree of priorities, projects and milestones, the project
 * page, edits (chair and secretariat: everything; members: status and milestones of their own
 * projects), the approval workflow with its baseline, and carry-over into the next triennium.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
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
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ProgrammeService(ProjectRepository projects, MilestoneRepository milestones, PriorityRepository priorities,
            ProgrammeEventRepository events, WorkProgrammeRepository programmes, StatusChangeRepository statusChanges,
            TrienniumRepository trienniums, CommissionService commissions, CommissionAccess commissionAccess,
            ProgrammeAccess access, ProgrammeQueries queries, PersonService people, CurrentUser currentUser,
            ApplicationEventPublisher publisher, Clock clock) {
        this.projects = projects;
        this.milestones = milestones;
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
        this.publisher = publisher;
        this.clock = clock;
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
        List<PriorityNode> tree = priorityRows.stream().map(p -> new PriorityNode(p, byPriority.get(p.id()))).toList();
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
        List<MilestoneRow> milestoneRows = p.getMilestones().stream()
                .map(m -> new MilestoneRow(m.getId(), p.getId(), m.getTitle(), m.getDueDate(), m.getBaselineDue(),
                        m.getDoneDate(), m.isCancelled(), m.getOwnerPersonId(),
                        ProgrammeQueries.name(names, m.getOwnerPersonId()), m.getEventId(),
                        m.getEventId() == null ? null : eventTitles.get(m.getEventId()), m.getDocumentId(),
                        m.getVersion()))
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

    /**
     * Creates a project in a commission's programme for a triennium that is not closed.
     *
     * @return the project's id
     */
    @Transactional
    @PreAuthorize("@commissionAccess.may('EDIT_PROGRAMME', #code)")
    public long createProject(String code, long trienniumId, ProjectDraft draft) {
        CommissionDetails commission = commissions.details(code.toUpperCase(Locale.ROOT))
                .orElseThrow(NotFoundException::new);
        Triennium t = trienniums.findById(trienniumId).orElseThrow(NotFoundException::new);
        requireOpen(t);
        draft = validate(draft, t);
        Project p = new Project(commission.id(), t.getId(), draft.priorityId(), draft.title(), draft.type(),
                draft.startDate(), draft.endDate(), null);
        p.describe(draft.priorityId(), draft.title(), draft.description(), draft.type(), draft.leadPersonId(),
                draft.contributorIds(), draft.participatingCommissionIds());
        Project saved = projects.saveAndFlush(p);
        recordStatus(saved);
        return saved.getId();
    }

    /** Changes a project's description, people, priority and span. */
    @Transactional
    @PreAuthorize("#draft.id() != null and @programmeAccess.mayEditAll(#draft.id())")
    public void updateProject(ProjectDraft draft) {
        Project p = loadForEdit(draft.id() == null ? -1 : draft.id(), draft.version());
        Triennium t = trienniums.findById(p.getTrienniumId()).orElseThrow(NotFoundException::new);
        draft = validate(draft, t);
        p.reschedule(draft.startDate(), draft.endDate());
        p.describe(draft.priorityId(), draft.title(), draft.description(), draft.type(), draft.leadPersonId(),
                draft.contributorIds(), draft.participatingCommissionIds());
        projects.flush();
    }

    /** Deletes a project with its milestones (its history stays in the audit tables). */
    @Transactional
    @PreAuthorize("@programmeAccess.mayEditAll(#id)")
    public void deleteProject(long id, long seenVersion) {
        Project p = loadForEdit(id, seenVersion);
        require(projects.carriedTo(id).isEmpty(), "project.delete.carried");
        projects.delete(p);
        projects.flush();
    }

    /** Sets the project's status with a note, dated today, and keeps it in the status history. */
    @Transactional
    @PreAuthorize("@programmeAccess.mayUpdate(#projectId)")
    public void changeStatus(long projectId, long seenVersion, @Nullable ProjectStatus status, @Nullable String note) {
        require(status != null, "validation.required", new Checks.FieldName("project.status"));
        Checks.optionalText(note, 2000, "project.status-note");
        Project p = loadForEdit(projectId, seenVersion);
        p.changeStatus(status, note, LocalDate.now(clock));
        projects.flush();
        recordStatus(p);
    }

    /**
     * Adds or changes a milestone of a project.
     *
     * @return the milestone's id
     */
    @Transactional
    @PreAuthorize("@programmeAccess.mayUpdate(#draft.projectId())")
    public long saveMilestone(MilestoneDraft draft) {
        String title = Checks.requireName(draft.title(), 300, "milestone.title");
        require(draft.dueDate() != null, "validation.required", new Checks.FieldName("milestone.due"));
        Project p = projects.findById(draft.projectId()).orElseThrow(NotFoundException::new);
        requireOpen(trienniums.findById(p.getTrienniumId()).orElseThrow(NotFoundException::new));
        if (draft.eventId() != null) {
            require(events.findById(draft.eventId()).map(e -> e.getTrienniumId() == p.getTrienniumId()).orElse(false),
                    "milestone.event.invalid");
        }
        if (draft.id() == null) {
            Milestone m = p.addMilestone(title, draft.dueDate(), draft.ownerPersonId(), draft.eventId(),
                    draft.documentId());
            projects.flush();
            return m.getId();
        }
        Milestone m = milestones.findById(draft.id()).orElseThrow(NotFoundException::new);
        require(m.getProject().getId().equals(p.getId()), "error.not-found");
        Versions.requireUnchanged(m.getVersion(), draft.version());
        m.update(title, draft.dueDate(), draft.ownerPersonId(), draft.eventId(), draft.documentId());
        milestones.flush();
        return m.getId();
    }

    /** Marks a milestone done today; a cancelled milestone cannot be completed. */
    @Transactional
    @PreAuthorize("@programmeAccess.mayUpdateMilestone(#milestoneId)")
    public void completeMilestone(long milestoneId, long seenVersion) {
        Milestone m = milestoneForEdit(milestoneId, seenVersion);
        LocalDate today = LocalDate.now(clock);
        m.complete(today);
        milestones.flush();
        publisher.publishEvent(new MilestoneCompleted(m.getId(), m.getProject().getId(),
                m.getProject().getCommissionId(), m.getTitle(), today));
    }

    /** Takes back a completion. */
    @Transactional
    @PreAuthorize("@programmeAccess.mayUpdateMilestone(#milestoneId)")
    public void reopenMilestone(long milestoneId, long seenVersion) {
        milestoneForEdit(milestoneId, seenVersion).reopen();
        milestones.flush();
    }

    /** Cancels an open milestone. */
    @Transactional
    @PreAuthorize("@programmeAccess.mayUpdateMilestone(#milestoneId)")
    public void cancelMilestone(long milestoneId, long seenVersion) {
        milestoneForEdit(milestoneId, seenVersion).cancel();
        milestones.flush();
    }

    /** Removes a milestone entered by mistake. */
    @Transactional
    @PreAuthorize("@programmeAccess.mayUpdateMilestone(#milestoneId)")
    public void deleteMilestone(long milestoneId, long seenVersion) {
        Milestone m = milestoneForEdit(milestoneId, seenVersion);
        m.getProject().removeMilestone(m);
        milestones.flush();
    }

    /** The chair submits the commission's programme for the triennium to the secretariat. */
    @Transactional
    @PreAuthorize("@commissionAccess.may('SUBMIT_PROGRAMME', #code)")
    public void submit(String code, long trienniumId) {
        CommissionDetails commission = commissions.details(code.toUpperCase(Locale.ROOT))
                .orElseThrow(NotFoundException::new);
        Triennium t = trienniums.findById(trienniumId).orElseThrow(NotFoundException::new);
        requireOpen(t);
        require(!projects.factsOfProgramme(commission.id(), trienniumId).isEmpty(), "programme.submit.empty");
        WorkProgramme wp = programmes.findByCommissionIdAndTrienniumId(commission.id(), trienniumId)
                .orElseGet(() -> new WorkProgramme(commission.id(), trienniumId));
        SignedInUser me = currentUser.require();
        wp.submit(Instant.now(clock), me.displayName());
        wp = programmes.saveAndFlush(wp);
        publisher.publishEvent(new ProgrammeSubmitted(wp.getId(), commission.id(), trienniumId, me.displayName()));
    }

    /** The secretariat approves a submitted programme; today's plan becomes its baseline. */
    @Transactional
    @PreAuthorize("@programmeAccess.mayDecide(#programmeId)")
    public void approve(long programmeId, long seenVersion) {
        WorkProgramme wp = programmes.findById(programmeId).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(wp.getVersion(), seenVersion);
        SignedInUser me = currentUser.require();
        wp.approve(Instant.now(clock), me.displayName());
        projects.ofProgramme(wp.getCommissionId(), wp.getTrienniumId()).forEach(Project::takeBaseline);
        programmes.flush();
        publisher.publishEvent(new ProgrammeApproved(wp.getId(), wp.getCommissionId(), wp.getTrienniumId(),
                me.displayName()));
    }

    /** The secretariat returns a submitted programme to the chair with a comment. */
    @Transactional
    @PreAuthorize("@programmeAccess.mayDecide(#programmeId)")
    public void returnForRevision(long programmeId, long seenVersion, @Nullable String comment) {
        Checks.requireText(comment, 2000, "programme.return-comment");
        WorkProgramme wp = programmes.findById(programmeId).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(wp.getVersion(), seenVersion);
        SignedInUser me = currentUser.require();
        wp.returnForRevision(Instant.now(clock), me.displayName(), comment);
        programmes.flush();
        publisher.publishEvent(new ProgrammeReturned(wp.getId(), wp.getCommissionId(), wp.getTrienniumId(),
                me.displayName(), comment.trim()));
    }

    /**
     * Carries an unfinished project of a closed triennium into the next one, under one of its
     * priorities, with its open milestones; the new project links to the original.
     *
     * @return the new project's id
     */
    @Transactional
    @PreAuthorize("@programmeAccess.mayEditAll(#projectId)")
    public long carryOver(long projectId, @Nullable Long targetPriorityId) {
        require(targetPriorityId != null, "validation.required", new Checks.FieldName("project.priority"));
        Project source = projects.findById(projectId).orElseThrow(NotFoundException::new);
        Triennium from = trienniums.findById(source.getTrienniumId()).orElseThrow(NotFoundException::new);
        require(from.getStatus() == TrienniumStatus.CLOSED, "carry-over.not-closed");
        require(!source.getStatus().finished(), "carry-over.finished");
        require(projects.carriedTo(projectId).isEmpty(), "carry-over.already");
        Priority priority = priorities.findById(targetPriorityId).orElseThrow(NotFoundException::new);
        Triennium to = trienniums.findById(priority.getTrienniumId()).orElseThrow(NotFoundException::new);
        require(to.getStartYear() == from.getEndYear() + 1 && to.getStatus() != TrienniumStatus.CLOSED,
                "carry-over.wrong-triennium");
        LocalDate start = LocalDate.of(to.getStartYear(), 1, 1);
        LocalDate end = LocalDate.of(to.getEndYear(), 12, 31);
        List<Milestone> open = source.getMilestones().stream()
                .filter(m -> m.getDoneDate() == null && !m.isCancelled()).toList();
        LocalDate projectEnd = source.getEndDate().isAfter(start) ? source.getEndDate() : start.plusYears(1);
        if (projectEnd.isAfter(end)) {
            projectEnd = end;
        }
        Project copy = new Project(source.getCommissionId(), to.getId(), priority.getId(), source.getTitle(),
                source.getType(), start, projectEnd, source.getId());
        copy.describe(priority.getId(), source.getTitle(), source.getDescription(), source.getType(),
                source.getLeadPersonId(), source.getContributorIds(), source.getParticipatingCommissionIds());
        for (Milestone m : open) {
            LocalDate due = m.getDueDate().isBefore(start) ? start.plusMonths(6) : m.getDueDate();
            if (due.isAfter(projectEnd)) {
                due = projectEnd;
            }
            copy.addMilestone(m.getTitle(), due, m.getOwnerPersonId(), null, m.getDocumentId());
        }
        Project saved = projects.saveAndFlush(copy);
        recordStatus(saved);
        return saved.getId();
    }

    /** Checks a draft; returns it with its title and description as they are stored. */
    private ProjectDraft validate(ProjectDraft d, Triennium t) {
        String title = Checks.requireName(d.title(), 300, "project.title");
        String description = Checks.optionalText(d.description(), 4000, "project.description");
        require(d.type() != null, "validation.required", new Checks.FieldName("project.type"));
        require(d.priorityId() != null, "validation.required", new Checks.FieldName("project.priority"));
        require(d.startDate() != null, "validation.required", new Checks.FieldName("project.start"));
        require(d.endDate() != null, "validation.required", new Checks.FieldName("project.end"));
        require(!d.endDate().isBefore(d.startDate()), "project.span.invalid");
        require(d.startDate().getYear() >= t.getStartYear() && d.endDate().getYear() <= t.getEndYear(),
                "project.span.outside-triennium", t.getStartYear() + "–" + t.getEndYear());
        require(priorities.findById(d.priorityId()).map(p -> p.getTrienniumId() == t.getId()).orElse(false),
                "project.priority.invalid");
        return new ProjectDraft(d.id(), d.version(), d.priorityId(), title, description, d.type(), d.leadPersonId(),
                d.contributorIds(), d.participatingCommissionIds(), d.startDate(), d.endDate());
    }

    private Project loadForEdit(long id, long seenVersion) {
        Project p = projects.findById(id).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(p.getVersion(), seenVersion);
        requireOpen(trienniums.findById(p.getTrienniumId()).orElseThrow(NotFoundException::new));
        return p;
    }

    private Milestone milestoneForEdit(long id, long seenVersion) {
        Milestone m = milestones.withProject(id).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(m.getVersion(), seenVersion);
        requireOpen(trienniums.findById(m.getProject().getTrienniumId()).orElseThrow(NotFoundException::new));
        return m;
    }

    private static void requireOpen(Triennium t) {
        if (t.getStatus() == TrienniumStatus.CLOSED) {
            throw new UserFacingException("programme.triennium-closed", t.getStartYear() + "–" + t.getEndYear());
        }
    }

    private void recordStatus(Project p) {
        String by = currentUser.get().map(SignedInUser::displayName).orElse("system");
        statusChanges.save(new StatusChange(p.getId(), p.getStatus(), p.getStatusNote(),
                p.getStatusDate() == null ? LocalDate.now(clock) : p.getStatusDate(), Instant.now(clock), by));
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
