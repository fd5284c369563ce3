package org.issa.tcw.programme.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import org.issa.tcw.base.ui.AccessDeniedView;
import org.issa.tcw.programme.ProgrammeService;
import org.issa.tcw.programme.ProjectNode;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProjectViewTest extends KaribuTest {

    @Autowired
    ProgrammeService programme;

    private long projectId(String title) {
        signInAs("secretariat");
        ProjectNode node = programme.tree("ICT", null).projects().stream().filter(p -> p.title().equals(title))
                .findFirst().orElseThrow();
        signIn.out();
        return node.id();
    }

    private ProjectView open(String user, long id) {
        signInAs(user);
        navigate("projects/" + id);
        return _get(ProjectView.class);
    }

    @Test
    void the_project_page_shows_the_threads_attached_to_the_project() {
        long id = projectId("Artificial intelligence in social security administration");
        open("member-ict", id);
        var panel = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("discussion-panel"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(panel,
                com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("discussion-panel-start"))).hasSize(1);
    }

    @Test
    void the_lead_sets_the_status_with_a_note_and_completes_a_milestone() {
        long id = projectId("Artificial intelligence in social security administration");
        ProjectView view = open("member-ict", id);
        assertThat(_get(H2.class, spec -> spec.withId("project-title")).getText())
                .isEqualTo("Artificial intelligence in social security administration");
        _setValue(view.newStatus, ProjectStatus.OFF_TRACK);
        _setValue(view.statusNote, "Survey closed late");
        _click(_get(Button.class, spec -> spec.withId("set-status")));
        ProjectView after = _get(ProjectView.class);
        var history = after.statusHistory.getListDataView().getItems().toList();
        assertThat(history.get(0).status()).isEqualTo(ProjectStatus.OFF_TRACK);
        assertThat(history.get(0).note()).isEqualTo("Survey closed late");
        var rows = after.milestones.getListDataView().getItems().toList();
        var open = rows.stream().filter(m -> !m.done() && !m.cancelled()).findFirst().orElseThrow();
        var actions = GridKt._getCellComponent(after.milestones, rows.indexOf(open), "actions");
        _click(_get(actions, Button.class, spec -> spec.withId("complete-" + open.id())));
        assertThat(_get(ProjectView.class).milestones.getListDataView().getItems()
                .filter(m -> m.id() == open.id()).findFirst().orElseThrow().done()).isTrue();
        assertThat(after.changes.getElement().getTextRecursively()).contains("member-ict", "changed");
    }

    @Test
    void a_milestone_outside_the_project_span_is_refused_with_a_clear_message() {
        long id = projectId("Artificial intelligence in social security administration");
        ProjectView view = open("member-ict", id);
        int before = (int) view.milestones.getListDataView().getItems().count();
        _click(_get(Button.class, spec -> spec.withId("new-milestone")));
        MilestoneDialog dialog = _get(MilestoneDialog.class);
        _setValue(dialog.title, "Far too late");
        _setValue(dialog.due, java.time.LocalDate.of(2040, 1, 1));
        _click(dialog.save);
        assertThat(ProgrammeUiSupport.notifications()).anyMatch(n -> n.contains("within the project's span"));
        assertThat(_find(MilestoneDialog.class)).hasSize(1);
        assertThat(_get(ProjectView.class).milestones.getListDataView().getItems().count()).isEqualTo(before);
    }

    @Test
    void a_due_date_the_browser_cannot_read_is_explained_and_not_sent_as_missing() {
        long id = projectId("Artificial intelligence in social security administration");
        ProjectView view = open("member-ict", id);
        int before = (int) view.milestones.getListDataView().getItems().count();
        _click(_get(Button.class, spec -> spec.withId("new-milestone")));
        MilestoneDialog dialog = _get(MilestoneDialog.class);
        assertThat(dialog.due.getI18n().getBadInputErrorMessage()).startsWith("Due: this is not a date that can be read.");
        assertThat(dialog.title.getI18n().getMaxLengthErrorMessage()).isEqualTo("Milestone may have at most 300 characters.");
        _setValue(dialog.title, "Typed date out of range");
        dialog.due.setInvalid(true); // what the date picker's own check does with "31/02/20266"
        _click(dialog.save);
        assertThat(ProgrammeUiSupport.notifications()).noneMatch(n -> n.contains("required"));
        assertThat(_find(MilestoneDialog.class)).hasSize(1);
        assertThat(_get(ProjectView.class).milestones.getListDataView().getItems().count()).isEqualTo(before);
    }

    @Test
    void a_member_reads_a_project_they_do_not_work_on_without_edit_controls() {
        long id = projectId("Data exchange for the portability of migrant workers' benefits");
        open("member-ict", id);
        assertThat(_find(Button.class, spec -> spec.withId("set-status"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("new-milestone"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("edit-project"))).isEmpty();
    }

    @Test
    void the_chair_edits_the_project_details() {
        long id = projectId("Cybersecurity in social security: good practices");
        open("chair-ict", id);
        _click(_get(Button.class, spec -> spec.withId("edit-project")));
        ProjectDialog dialog = _get(ProjectDialog.class);
        assertThat(dialog.participants.getValue()).extracting(c -> c.code()).containsExactly("OMI");
        _setValue(dialog.title, "Cybersecurity in social security: good practices and incident response");
        _click(dialog.save);
        assertThat(_get(H2.class, spec -> spec.withId("project-title")).getText())
                .isEqualTo("Cybersecurity in social security: good practices and incident response");
        // put the demo title back for the other tests
        _click(_get(Button.class, spec -> spec.withId("edit-project")));
        _setValue(_get(ProjectDialog.class).title, "Cybersecurity in social security: good practices");
        _click(_get(ProjectDialog.class).save);
    }

    @Test
    void someone_outside_the_commission_is_denied() {
        long id = projectId("Artificial intelligence in social security administration");
        signInAs("member-fam");
        navigate("projects/" + id);
        _get(AccessDeniedView.class);
    }
}
