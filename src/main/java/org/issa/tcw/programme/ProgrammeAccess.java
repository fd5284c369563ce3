package org.issa.tcw.programme;

import java.util.Optional;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.programme.domain.Milestone;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.WorkProgrammeRepository;
import org.issa.tcw.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The object-level rules of the work programme, on top of {@link CommissionAccess}: a project is
 * read by every commission taking part in it; its owning commission's chair, vice-chair and the
 * secretariat edit it; a member updates status and milestones of projects they lead or contribute
 * to. Used in {@code @PreAuthorize("@programmeAccess....")} and by views to hide what would be refused.
 */
@Component("programmeAccess")
@Transactional(readOnly = true)
public class ProgrammeAccess {

    private final CommissionAccess access;
    private final CurrentUser currentUser;
    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final WorkProgrammeRepository programmes;

    ProgrammeAccess(CommissionAccess access, CurrentUser currentUser, ProjectRepository projects,
            MilestoneRepository milestones, WorkProgrammeRepository programmes) {
        this.access = access;
        this.currentUser = currentUser;
        this.projects = projects;
        this.milestones = milestones;
        this.programmes = programmes;
    }

    /** Whether the signed-in person may read the project (any commission taking part; false if unknown). */
    public boolean mayRead(long projectId) {
        return projects.findById(projectId).map(this::mayRead).orElse(false);
    }

    /** Whether the signed-in person may change everything about the project (chair, vice-chair, secretariat). */
    public boolean mayEditAll(long projectId) {
        return projects.findById(projectId).map(this::mayEditAll).orElse(false);
    }

    /** Whether the signed-in person may update the project's status and milestones. */
    public boolean mayUpdate(long projectId) {
        return projects.findById(projectId).map(this::mayUpdate).orElse(false);
    }

    /** {@link #mayUpdate(long)} for the milestone's project. */
    public boolean mayUpdateMilestone(long milestoneId) {
        return milestones.withProject(milestoneId).map(Milestone::getProject).map(this::mayUpdate).orElse(false);
    }

    /** Whether the signed-in person may approve or return this programme (the secretariat). */
    public boolean mayDecide(long programmeId) {
        return programmes.findById(programmeId)
                .map(p -> access.may(CommissionAction.APPROVE_PROGRAMME, p.getCommissionId())).orElse(false);
    }

    boolean mayRead(Project p) {
        if (access.may(CommissionAction.READ, p.getCommissionId())) {
            return true;
        }
        return p.getParticipatingCommissionIds().stream().anyMatch(c -> access.may(CommissionAction.READ, c));
    }

    boolean mayEditAll(Project p) {
        return access.may(CommissionAction.EDIT_PROGRAMME, p.getCommissionId());
    }

    boolean mayUpdate(Project p) {
        if (mayEditAll(p)) {
            return true;
        }
        Optional<Long> me = currentUser.personId();
        return me.isPresent() && access.may(CommissionAction.EDIT_OWN_PROJECTS, p.getCommissionId())
                && p.involves(me.get());
    }
}
