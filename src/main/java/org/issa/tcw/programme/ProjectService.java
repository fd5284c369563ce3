package org.issa.tcw.programme;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.programme.domain.Milestone;
import org.issa.tcw.programme.domain.Priority;
import org.issa.tcw.programme.domain.PriorityRepository;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.StatusChange;
import org.issa.tcw.programme.domain.StatusChangeRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * The projects of a commission's programme: creating, describing and deleting them (chair and
 * secretariat), their status with its history (members too, for their own projects), and
 * carrying an unfinished project into the next triennium.
 */
@Service
@Transactional(readOnly = true)
public class ProjectService {

    private final ProjectRepository projects;
    private final PriorityRepository priorities;
    private final StatusChangeRepository statusChanges;
    private final TrienniumRepository trienniums;
    private final CommissionService commissions;
    private final CurrentUser currentUser;
    private final Clock clock;

    ProjectService(ProjectRepository projects, PriorityRepository priorities, StatusChangeRepository statusChanges, TrienniumRepository trienniums, CommissionService commissions, CurrentUser currentUser, Clock clock) {
        this.projects = projects;
        this.priorities = priorities;
        this.statusChanges = statusChanges;
        this.trienniums = trienniums;
        this.commissions = commissions;
        this.currentUser = currentUser;
        this.clock = clock;
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
        ProgrammeQueries.requireOpen(t);
        Valid v = validate(draft, t);
        Project p = new Project(commission.id(), t.getId(), v.priorityId(), v.title(), v.type(), v.startDate(),
                v.endDate(), null);
        p.describe(v.priorityId(), v.title(), v.description(), v.type(), draft.leadPersonId(), draft.contributorIds(),
                draft.participatingCommissionIds());
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
        Valid v = validate(draft, t);
        p.reschedule(v.startDate(), v.endDate());
        p.describe(v.priorityId(), v.title(), v.description(), v.type(), draft.leadPersonId(), draft.contributorIds(),
                draft.participatingCommissionIds());
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
    /** A checked draft: what is required is there, title and description as they are stored. */
    private record Valid(long priorityId, String title, String description, ProjectType type, LocalDate startDate,
            LocalDate endDate) {
    }

    private Valid validate(ProjectDraft d, Triennium t) {
        String title = Checks.requireName(d.title(), 300, "project.title");
        String description = Checks.optionalText(d.description(), 4000, "project.description");
        ProjectType type = d.type();
        Long priorityId = d.priorityId();
        LocalDate start = d.startDate();
        LocalDate end = d.endDate();
        require(type != null, "validation.required", new Checks.FieldName("project.type"));
        require(priorityId != null, "validation.required", new Checks.FieldName("project.priority"));
        require(start != null, "validation.required", new Checks.FieldName("project.start"));
        require(end != null, "validation.required", new Checks.FieldName("project.end"));
        require(!end.isBefore(start), "project.span.invalid");
        require(start.getYear() >= t.getStartYear() && end.getYear() <= t.getEndYear(),
                "project.span.outside-triennium", t.getStartYear() + "–" + t.getEndYear());
        require(priorities.findById(priorityId).map(p -> p.getTrienniumId() == t.getId()).orElse(false),
                "project.priority.invalid");
        return new Valid(priorityId, title, description, type, start, end);
    }

    private Project loadForEdit(long id, long seenVersion) {
        Project p = projects.findById(id).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(p.getVersion(), seenVersion);
        ProgrammeQueries.requireOpen(trienniums.findById(p.getTrienniumId()).orElseThrow(NotFoundException::new));
        return p;
    }
    private void recordStatus(Project p) {
        String by = currentUser.get().map(SignedInUser::displayName).orElse("system");
        statusChanges.save(new StatusChange(p.getId(), p.getStatus(), p.getStatusNote(),
                p.getStatusDate() == null ? LocalDate.now(clock) : p.getStatusDate(), Instant.now(clock), by));
    }
}
