package org.issa.tcw.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.issa.tcw.programme.ProgrammeEvents.MilestoneCompleted;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeApproved;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeReturned;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeSubmitted;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Approval workflow and baseline, events, Envers history and carry-over. */
@SpringTest
@RecordApplicationEvents
class ProgrammeWorkflowTest {

    @Autowired
    ProgrammeService programme;
    @Autowired
    ProjectService projectService;
    @Autowired
    ProgrammeApprovalService approvals;
    @Autowired
    MilestoneService milestoneService;
    @Autowired
    ProjectHistoryService history;
    @Autowired
    MilestoneWatch watch;
    @Autowired
    SignIn signIn;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    ProgrammeFixture fixture;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void chair_submits_secretariat_returns_with_a_comment_then_approves_and_the_plan_becomes_the_baseline() {
        signIn.as("secretariat");
        ProgrammeTree emp = programme.tree("EMP", null);
        long triennium = emp.triennium().id();
        // EMP has no chair among the demo accounts; the secretariat cannot submit (only chairs do)
        assertThatThrownBy(() -> approvals.submit("EMP", triennium)).isInstanceOf(AccessDeniedException.class);

        signIn.as("chair-ict");
        ProgrammeTree before = programme.tree("ICT", null);
        assertThat(before.state().status()).isEqualTo(ProgrammeStatus.APPROVED);
        assertThat(before.maySubmit()).isTrue();
        assertThat(before.mayApprove()).isFalse();
        long newProject = fixture.newIctProject("Baseline test project", null);
        signIn.as("chair-ict");
        approvals.submit("ICT", triennium);
        ProgrammeTree submitted = programme.tree("ICT", null);
        assertThat(submitted.state().status()).isEqualTo(ProgrammeStatus.SUBMITTED);
        assertThat(events.stream(ProgrammeSubmitted.class)).hasSize(1);
        long programmeId = submitted.state().id();
        assertThatThrownBy(() -> approvals.approve(programmeId, submitted.state().version()))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as("member-ict");
        assertThatThrownBy(() -> approvals.submit("ICT", triennium)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> approvals.approve(programmeId, submitted.state().version()))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as("admin");
        assertThatThrownBy(() -> approvals.approve(programmeId, submitted.state().version()))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as("secretariat");
        assertThatThrownBy(() -> approvals.returnForRevision(programmeId, submitted.state().version(), "  "))
                .hasMessageContaining("validation.required");
        approvals.returnForRevision(programmeId, submitted.state().version(), "Add the WSSF milestone.");
        ProgrammeTree returned = programme.tree("ICT", null);
        assertThat(returned.state().status()).isEqualTo(ProgrammeStatus.RETURNED);
        assertThat(returned.state().returnComment()).isEqualTo("Add the WSSF milestone.");
        assertThat(events.stream(ProgrammeReturned.class)).singleElement()
                .extracting(ProgrammeReturned::comment).isEqualTo("Add the WSSF milestone.");

        signIn.as("chair-ict");
        approvals.submit("ICT", triennium);
        signIn.as("secretariat");
        ProgrammeTree again = programme.tree("ICT", null);
        assertThat(again.mayApprove()).isTrue();
        approvals.approve(programmeId, again.state().version());
        assertThat(events.stream(ProgrammeApproved.class)).hasSize(1);
        ProjectDetails baselined = programme.project(newProject);
        assertThat(baselined.baselineEnd()).isEqualTo(baselined.endDate());
        assertThat(baselined.milestones().get(0).baselineDue()).isEqualTo(baselined.milestones().get(0).dueDate());

        // a later change is shown against the baseline (plan vs now)
        signIn.as("chair-ict");
        MilestoneRow m = baselined.milestones().get(0);
        milestoneService.saveMilestone(new MilestoneDraft(m.id(), newProject, m.version(), m.title(),
                m.dueDate().plusMonths(2), m.ownerPersonId(), null, null));
        MilestoneRow moved = programme.project(newProject).milestones().get(0);
        assertThat(moved.movedFromBaseline()).isTrue();
        assertThat(moved.baselineDue()).isEqualTo(m.dueDate());
    }

    @Test
    void envers_keeps_who_changed_what_when() {
        signIn.as("member-ict");
        long me = currentUser.personId().orElseThrow();
        long project = fixture.newIctProject("History test project", me);
        signIn.as("chair-ict");
        ProjectDetails d = programme.project(project);
        projectService.updateProject(ProgrammePermissionsTest.draft(d, "History test project, renamed"));
        signIn.as("member-ict");
        MilestoneRow m = programme.project(project).milestones().get(0);
        milestoneService.completeMilestone(m.id(), m.version());
        assertThat(events.stream(MilestoneCompleted.class)).anyMatch(e -> e.milestoneId() == m.id());

        List<ProjectChange> changes = history.history(project);
        assertThat(changes).hasSizeGreaterThanOrEqualTo(4);
        ProjectChange newest = changes.get(0);
        assertThat(newest.username()).isEqualTo("member-ict");
        assertThat(newest.subject()).isEqualTo("First milestone");
        assertThat(newest.changes()).extracting(ProjectChange.FieldChange::field).containsExactly("done");
        ProjectChange rename = changes.stream().filter(c -> c.subject().equals("project") && c.kind().equals("MOD"))
                .findFirst().orElseThrow();
        assertThat(rename.username()).isEqualTo("chair-ict");
        assertThat(rename.changes()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("title");
            assertThat(f.before()).isEqualTo("History test project");
            assertThat(f.after()).isEqualTo("History test project, renamed");
        });
        ProjectChange created = changes.stream().filter(c -> c.subject().equals("project") && c.kind().equals("ADD"))
                .findFirst().orElseThrow();
        assertThat(created.changes()).extracting(ProjectChange.FieldChange::after).contains("David Okafor");

        signIn.as("member-fam");
        assertThatThrownBy(() -> history.history(project)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_daily_watch_announces_overdue_and_due_soon_milestones_once() {
        int first = watch.check();
        assertThat(first).isPositive();
        // the demo data has milestones overdue and due within 14 days relative to today's clock
        assertThat(events.stream(ProgrammeEvents.MilestoneOverdue.class)).isNotEmpty()
                .allMatch(e -> e.dueDate().isBefore(java.time.LocalDate.now()));
        assertThat(events.stream(ProgrammeEvents.MilestoneDueSoon.class)).isNotEmpty()
                .allMatch(e -> !e.dueDate().isAfter(java.time.LocalDate.now().plusDays(MilestoneWatch.DUE_SOON_DAYS)));
        assertThat(watch.check()).isZero();
    }

    @Test
    void an_unfinished_project_of_the_closed_triennium_is_carried_over_once_linked_to_the_original() {
        signIn.as("chair-ict");
        ProgrammeTree current = programme.tree("ICT", null);
        TrienniumRow closed = current.trienniums().stream().filter(t -> t.status() == TrienniumStatus.CLOSED)
                .findFirst().orElseThrow();
        ProjectNode mobile = fixture.byTitle(programme.tree("ICT", closed.id()),
                "Mobile service channels: survey of members");
        ProjectDetails source = programme.project(mobile.id());
        assertThat(source.mayCarryOver()).isTrue();
        long priority = current.priorities().get(1).priority().id();

        signIn.as("member-ict");
        assertThatThrownBy(() -> projectService.carryOver(mobile.id(), priority)).isInstanceOf(AccessDeniedException.class);

        signIn.as("chair-ict");
        long copy = projectService.carryOver(mobile.id(), priority);
        ProjectDetails carried = programme.project(copy);
        assertThat(carried.carriedFromId()).isEqualTo(mobile.id());
        assertThat(carried.triennium().id()).isEqualTo(current.triennium().id());
        assertThat(carried.milestones()).extracting(MilestoneRow::title).containsExactly("Survey report");
        assertThat(programme.project(mobile.id()).carriedToId()).isEqualTo(copy);
        assertThatThrownBy(() -> projectService.carryOver(mobile.id(), priority)).hasMessageContaining("carry-over.already");

        ProjectNode finished = fixture.byTitle(programme.tree("ICT", closed.id()),
                "ICT Guidelines: consultation and publication");
        assertThatThrownBy(() -> projectService.carryOver(finished.id(), priority))
                .hasMessageContaining("carry-over.finished");
    }
}
