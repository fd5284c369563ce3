package org.issa.tcw.programme;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.LocalDate;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.programme.ProgrammeEvents.MilestoneCompleted;
import org.issa.tcw.programme.domain.Milestone;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * The milestones of a project: adding and changing them, completing (which tells other features
 * through {@link MilestoneCompleted}), reopening, cancelling and deleting them. Chair and
 * secretariat may do it on every project, members on their own ones.
 */
@Service
@Transactional(readOnly = true)
public class MilestoneService {

    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final ProgrammeEventRepository events;
    private final TrienniumRepository trienniums;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    MilestoneService(ProjectRepository projects, MilestoneRepository milestones, ProgrammeEventRepository events, TrienniumRepository trienniums, ApplicationEventPublisher publisher, Clock clock) {
        this.projects = projects;
        this.milestones = milestones;
        this.events = events;
        this.trienniums = trienniums;
        this.publisher = publisher;
        this.clock = clock;
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
        LocalDate due = draft.dueDate();
        require(due != null, "validation.required", new Checks.FieldName("milestone.due"));
        Project p = projects.findById(draft.projectId()).orElseThrow(NotFoundException::new);
        ProgrammeQueries.requireOpen(trienniums.findById(p.getTrienniumId()).orElseThrow(NotFoundException::new));
        if (draft.eventId() != null) {
            require(events.findById(draft.eventId()).map(e -> e.getTrienniumId() == p.getTrienniumId()).orElse(false),
                    "milestone.event.invalid");
        }
        if (draft.id() == null) {
            Milestone m = p.addMilestone(title, due, draft.ownerPersonId(), draft.eventId(),
                    draft.documentId());
            if (draft.completesOn() != null) {
                m.completeOn(draft.completesOn());
            }
            projects.flush();
            return m.getId();
        }
        Milestone m = milestones.findById(draft.id()).orElseThrow(NotFoundException::new);
        require(m.getProject().getId().equals(p.getId()), "error.not-found");
        Versions.requireUnchanged(m.getVersion(), draft.version());
        m.update(title, due, draft.ownerPersonId(), draft.eventId(), draft.documentId());
        if (draft.completesOn() != null) {
            m.completeOn(draft.completesOn());
        }
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
    /**
     * The ids of the documents that deliver milestones of the priority's projects (the library's
     * priority filter; the library shows only those that are published).
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.Set<Long> deliverablesOfPriority(long priorityId) {
        return java.util.Set.copyOf(milestones.documentsOfPriority(priorityId));
    }
    /**
     * The trienniums of the projects whose milestones each document delivers (the library shows
     * and filters by them); documents linked to no milestone are left out.
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.Map<Long, java.util.Set<Long>> trienniumsOfDocuments(java.util.Collection<Long> documentIds) {
        java.util.Map<Long, java.util.Set<Long>> out = new java.util.HashMap<>();
        if (documentIds.isEmpty()) {
            return out;
        }
        for (Object[] row : milestones.trienniumsOfDocuments(java.util.Set.copyOf(documentIds))) {
            out.computeIfAbsent((Long) row[0], k -> new java.util.TreeSet<>()).add((Long) row[1]);
        }
        return out;
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
    private Milestone milestoneForEdit(long id, long seenVersion) {
        Milestone m = milestones.withProject(id).orElseThrow(NotFoundException::new);
        Versions.requireUnchanged(m.getVersion(), seenVersion);
        ProgrammeQueries.requireOpen(trienniums.findById(m.getProject().getTrienniumId()).orElseThrow(NotFoundException::new));
        return m;
    }
}
