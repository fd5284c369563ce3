package org.issa.tcw.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.issa.tcw.base.ConcurrentEditException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The programme rows of the permission table, each allowed and denied, on the real services. */
@SpringTest
class ProgrammePermissionsTest {

    @Autowired
    ProgrammeService programme;
    @Autowired
    ProjectService projectService;
    @Autowired
    MilestoneService milestoneService;
    @Autowired
    SignIn signIn;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    ProgrammeFixture fixture;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private long personId(String username) {
        signIn.as(username);
        long id = currentUser.personId().orElseThrow();
        signIn.out();
        return id;
    }

    @Test
    void members_and_observers_read_their_commissions_programme() {
        for (String user : new String[] {"chair-ict", "member-ict", "observer-ict", "secretariat", "admin"}) {
            signIn.as(user);
            ProgrammeTree tree = programme.tree("ICT", null);
            assertThat(tree.projects()).extracting(ProjectNode::title)
                    .contains("Artificial intelligence in social security administration");
            assertThat(tree.priorities()).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void a_member_of_another_commission_cannot_read_the_programme_nor_its_projects() {
        signIn.as("chair-ict");
        long ai = fixture.byTitle(programme.tree("ICT", null), "Artificial intelligence in social security administration").id();
        signIn.as("member-fam");
        assertThatThrownBy(() -> programme.tree("ICT", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> programme.project(ai)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_participating_commission_sees_a_cross_commission_project_in_its_programme() {
        signIn.as("secretariat");
        ProgrammeTree omi = programme.tree("OMI", null);
        ProjectNode cyber = fixture.byTitle(omi, "Cybersecurity in social security: good practices");
        assertThat(cyber.commissionCode()).isEqualTo("ICT");
        assertThat(cyber.crossCommission()).isTrue();
    }

    @Test
    void member_updates_status_and_milestones_of_a_project_they_lead() {
        long project = fixture.newIctProject("Member-led test project", personId("member-ict"));
        signIn.as("member-ict");
        ProjectDetails details = programme.project(project);
        assertThat(details.mayUpdate()).isTrue();
        assertThat(details.mayEditAll()).isFalse();
        projectService.changeStatus(project, details.version(), ProjectStatus.AT_RISK, "Waiting for data");
        long milestone = details.milestones().get(0).id();
        milestoneService.completeMilestone(milestone, details.milestones().get(0).version());
        ProjectDetails after = programme.project(project);
        assertThat(after.status()).isEqualTo(ProjectStatus.AT_RISK);
        assertThat(after.statusHistory().get(0).note()).isEqualTo("Waiting for data");
        assertThat(after.statusHistory().get(0).changedBy()).isEqualTo("David Okafor");
        assertThat(after.milestones().get(0).doneDate()).isNotNull();
    }

    @Test
    void member_cannot_update_a_project_they_neither_lead_nor_contribute_to() {
        long project = fixture.newIctProject("Chair-led test project", personId("chair-ict"));
        signIn.as("member-ict");
        ProjectDetails details = programme.project(project);
        assertThat(details.mayUpdate()).isFalse();
        assertThatThrownBy(() -> projectService.changeStatus(project, details.version(), ProjectStatus.ON_TRACK, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> milestoneService.saveMilestone(new MilestoneDraft(null, project, 0, "Sneaky",
                details.startDate(), null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> milestoneService.completeMilestone(details.milestones().get(0).id(),
                details.milestones().get(0).version())).isInstanceOf(AccessDeniedException.class);
        signIn.as("chair-ict");
        assertThat(programme.project(project).status()).isEqualTo(ProjectStatus.NOT_STARTED);
    }

    @Test
    void member_cannot_change_what_a_project_is_even_their_own() {
        long project = fixture.newIctProject("Member cannot rename", personId("member-ict"));
        signIn.as("member-ict");
        ProjectDetails d = programme.project(project);
        assertThatThrownBy(() -> projectService.updateProject(draft(d, "Renamed"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> projectService.deleteProject(project, d.version())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> projectService.createProject("ICT", d.triennium().id(), draft(d, "New")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void chair_and_secretariat_edit_the_whole_programme() {
        long project = fixture.newIctProject("Edited by chair", personId("member-ict"));
        signIn.as("chair-ict");
        ProjectDetails d = programme.project(project);
        projectService.updateProject(draft(d, "Edited by chair, renamed"));
        assertThat(programme.project(project).title()).isEqualTo("Edited by chair, renamed");
        signIn.as("secretariat");
        ProjectDetails d2 = programme.project(project);
        projectService.updateProject(draft(d2, "Edited by secretariat"));
        projectService.changeStatus(project, programme.project(project).version(), ProjectStatus.ON_TRACK, null);
        assertThat(programme.project(project).title()).isEqualTo("Edited by secretariat");
    }

    @Test
    void observer_admin_and_other_commissions_cannot_edit() {
        long project = fixture.newIctProject("Nobody outside edits", personId("member-ict"));
        for (String user : new String[] {"observer-ict", "admin", "member-fam"}) {
            signIn.as(user);
            assertThatThrownBy(() -> projectService.changeStatus(project, 0, ProjectStatus.ON_TRACK, null))
                    .as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> projectService.createProject("ICT", 1, new ProjectDraft(null, 0, null, "x", null,
                    ProjectType.OTHER, null, Set.of(), Set.of(), null, null))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        signIn.as("admin");
        assertThat(programme.project(project).mayUpdate()).isFalse();
    }

    @Test
    void a_cancelled_milestone_cannot_be_completed() {
        long project = fixture.newIctProject("Cancelled milestone", personId("member-ict"));
        signIn.as("member-ict");
        MilestoneRow m = programme.project(project).milestones().get(0);
        milestoneService.cancelMilestone(m.id(), m.version());
        MilestoneRow cancelled = programme.project(project).milestones().get(0);
        assertThatThrownBy(() -> milestoneService.completeMilestone(cancelled.id(), cancelled.version()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("milestone.complete.cancelled");
        assertThat(programme.project(project).milestones().get(0).doneDate()).isNull();
    }

    @Test
    void a_milestone_due_outside_the_project_span_is_refused_and_nothing_is_stored() {
        long project = fixture.newIctProject("Span test", personId("member-ict"));
        signIn.as("member-ict");
        ProjectDetails d = programme.project(project);
        assertThatThrownBy(() -> milestoneService.saveMilestone(new MilestoneDraft(null, project, 0, "Too late",
                d.endDate().plusDays(1), null, null, null))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("milestone.due.outside-span");
        assertThat(programme.project(project).milestones()).hasSize(1);
        signIn.as("chair-ict");
        ProjectDetails fresh = programme.project(project);
        ProjectDraft shrink = new ProjectDraft(fresh.id(), fresh.version(), fresh.priority().id(), fresh.title(),
                null, fresh.type(), fresh.leadPersonId(), fresh.contributorIds(), Set.of(), fresh.startDate(),
                fresh.milestones().get(0).dueDate().minusDays(1));
        assertThatThrownBy(() -> projectService.updateProject(shrink)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("project.span.excludes-milestone");
    }

    @Test
    void a_stale_form_gets_a_conflict_and_changes_nothing() {
        long project = fixture.newIctProject("Conflict test", personId("member-ict"));
        signIn.as("chair-ict");
        ProjectDetails d = programme.project(project);
        projectService.updateProject(draft(d, "First edit"));
        assertThatThrownBy(() -> projectService.updateProject(draft(d, "Second edit from a stale form")))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(programme.project(project).title()).isEqualTo("First edit");
    }

    @Test
    void a_project_is_completed_only_when_its_milestones_are_done_or_cancelled() {
        long project = fixture.newIctProject("Completion rule", personId("member-ict"));
        signIn.as("member-ict");
        ProjectDetails d = programme.project(project);
        assertThatThrownBy(() -> projectService.changeStatus(project, d.version(), ProjectStatus.COMPLETED, null))
                .hasMessageContaining("project.complete.open-milestones");
        milestoneService.completeMilestone(d.milestones().get(0).id(), d.milestones().get(0).version());
        projectService.changeStatus(project, d.version(), ProjectStatus.COMPLETED, "Done");
        assertThat(programme.project(project).status()).isEqualTo(ProjectStatus.COMPLETED);
    }

    @Test
    void projects_of_a_closed_triennium_are_history_and_cannot_be_edited() {
        signIn.as("chair-ict");
        ProgrammeTree current = programme.tree("ICT", null);
        TrienniumRow closed = current.trienniums().stream().filter(t -> t.status() == TrienniumStatus.CLOSED)
                .findFirst().orElseThrow();
        ProgrammeTree old = programme.tree("ICT", closed.id());
        assertThat(old.mayEdit()).isFalse();
        ProjectNode done = fixture.byTitle(old, "ICT Guidelines: consultation and publication");
        assertThatThrownBy(() -> projectService.changeStatus(done.id(), programme.project(done.id()).version(),
                ProjectStatus.AT_RISK, null)).hasMessageContaining("programme.triennium-closed");
    }

    static ProjectDraft draft(ProjectDetails d, String title) {
        return new ProjectDraft(d.id(), d.version(), d.priority().id(), title, d.description(), d.type(),
                d.leadPersonId(), d.contributorIds(), d.participatingCommissionIds(), d.startDate(), d.endDate());
    }

    static LocalDate day(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }
}
