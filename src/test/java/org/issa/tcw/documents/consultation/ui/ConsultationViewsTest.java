package org.issa.tcw.documents.consultation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.consultation.Audience;
import org.issa.tcw.documents.consultation.CommentTag;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.ContributionRow;
import org.issa.tcw.documents.consultation.Disposition;
import org.issa.tcw.documents.consultation.RoundForm;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The round dialog (its refusals and the round it opens) and the disposition grid, for who may and may not. */
class ConsultationViewsTest extends KaribuTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ConsultationService consultations;
    @Autowired
    JdbcTemplate jdbc;

    long document() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Consultation view " + System.nanoTime());
        long id = documents.create("ICT", form);
        signIn.out();
        DocumentFixtures.type(context, id, "Identity must be inclusive.", false);
        return id;
    }

    int rounds(long documentId) {
        return jdbc.queryForObject("select count(*) from consultation_round where document_id = ?", Integer.class,
                documentId);
    }

    /** The chair on the document page presses the button with this id. */
    long onDocumentPress(String buttonId) {
        long id = document();
        signInAs("chair-ict");
        navigate("documents/" + id);
        contentPainted(); // the consultation panel follows the first painted frame (ADR 092)
        _click(_get(Button.class, spec -> spec.withId(buttonId)));
        return id;
    }

    @Test
    void the_chair_opens_a_round_from_the_document_page_once_the_dialog_is_right() {
        long id = onDocumentPress("consultation-open");
        _setValue(_get(DatePicker.class, spec -> spec.withId("round-deadline")),
                LocalDate.now(ZoneOffset.UTC).minusDays(2));
        _setValue(_get(TextArea.class, spec -> spec.withId("round-introduction")), "Your views, please.");
        _click(_get(Button.class, spec -> spec.withId("round-open")));
        assertThat(notifications()).containsExactly("The deadline is in the past.");
        assertThat(rounds(id)).isZero();
        _setValue(_get(DatePicker.class, spec -> spec.withId("round-deadline")),
                LocalDate.now(ZoneOffset.UTC).plusDays(10));
        _setValue(_get(TextArea.class, spec -> spec.withId("round-introduction")), "");
        _click(_get(Button.class, spec -> spec.withId("round-open")));
        assertThat(notifications()).contains("Introduction is required.");
        assertThat(rounds(id)).isZero();
        _setValue(_get(TextArea.class, spec -> spec.withId("round-introduction")), "Your views, please.");
        _click(_get(Button.class, spec -> spec.withId("round-open")));
        assertThat(rounds(id)).isEqualTo(1);
        assertThat(_find(RoundDialog.class)).isEmpty();
        contentPainted(); // the page was built again for the new stage
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("consultation-state")).getText())
                .isEqualTo("Open");
        assertThat(_find(Button.class, spec -> spec.withId("consultation-open"))).isEmpty();
    }

    @Test
    void the_steppers_send_to_consultation_opens_the_round_dialog_and_the_round_moves_the_document() {
        long id = onDocumentPress("workflow-send-to-consultation");
        _get(RoundDialog.class);
        assertThat(jdbc.queryForList("select stage from document_workflow where document_id = ?", String.class, id))
                .doesNotContain("CONSULTATION");
        _setValue(_get(DatePicker.class, spec -> spec.withId("round-deadline")),
                LocalDate.now(ZoneOffset.UTC).plusDays(10));
        _setValue(_get(TextArea.class, spec -> spec.withId("round-introduction")), "Your views, please.");
        _click(_get(Button.class, spec -> spec.withId("round-open")));
        assertThat(rounds(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select stage from document_workflow where document_id = ?", String.class, id))
                .isEqualTo("CONSULTATION");
    }

    @Test
    void a_member_sees_the_round_and_comments_but_cannot_open_one() {
        long id = document();
        signIn.as("chair-ict");
        RoundForm form = new RoundForm();
        form.setAudience(Audience.COMMISSION);
        form.setDeadline(LocalDate.now(ZoneOffset.UTC).plusDays(3));
        form.setIntroduction("Tell us.");
        consultations.open(id, form);
        signIn.out();
        signInAs("member-ict");
        navigate("documents/" + id);
        contentPainted(); // the consultation panel follows the first painted frame (ADR 092)
        assertThat(_find(Button.class, spec -> spec.withId("consultation-open"))).isEmpty();
        _get(Button.class, spec -> spec.withId("consultation-send"));
        assertThat(_get(TextArea.class, spec -> spec.withId("consultation-body")).isVisible()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_chair_disposes_of_comments_in_the_grid_and_a_rejection_needs_a_reason() {
        long id = document();
        signIn.as("chair-ict");
        RoundForm form = new RoundForm();
        form.setAudience(Audience.COMMISSION);
        form.setDeadline(LocalDate.now(ZoneOffset.UTC).plusDays(3));
        form.setIntroduction("Tell us.");
        long roundId = consultations.open(id, form);
        signIn.out();
        List<String> anchor = DocumentFixtures.anchor(context, id, "inclusive");
        signIn.as("member-ict");
        consultations.comment(roundId, anchor.get(0), anchor.get(1), "Define inclusive.", CommentTag.TECHNICAL,
                WorkingLanguage.EN);
        signIn.out();

        signInAs("chair-ict");
        navigate("consultations/" + roundId);
        Grid<ContributionRow> grid = _get(Grid.class, spec -> spec.withId("disposition-grid"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(1);
        clickInCell(grid, 0, "action", "dispose");
        Select<Disposition> disposition = _get(Select.class, spec -> spec.withId("dispose-disposition"));
        _setValue(disposition, Disposition.REJECTED);
        _click(_get(Button.class, spec -> spec.withId("dispose-save")));
        assertThat(notifications()).containsExactly("A rejection needs a reason.");
        _setValue(_get(TextArea.class, spec -> spec.withId("dispose-reason")), "Defined in the glossary.");
        _click(_get(Button.class, spec -> spec.withId("dispose-save")));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0))
                .contains("Rejected", "Defined in the glossary.");
        _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("export-pdf"));

        // a member reads the log but has no disposition column; FAM (not consulted) is refused the page
        signInAs("member-ict");
        navigate("consultations/" + roundId);
        grid = _get(Grid.class, spec -> spec.withId("disposition-grid"));
        assertThat(grid.getColumnByKey("action")).isNull();
        signInAs("member-fam");
        navigate("consultations/" + roundId);
        assertThat(_find(Grid.class, spec -> spec.withId("disposition-grid"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_round_panel_and_the_round_page_update_live_when_others_comment_or_dispose() {
        long id = document();
        signIn.as("chair-ict");
        RoundForm form = new RoundForm();
        form.setAudience(Audience.COMMISSION);
        form.setDeadline(LocalDate.now(ZoneOffset.UTC).plusDays(3));
        form.setIntroduction("Tell us.");
        long roundId = consultations.open(id, form);
        signIn.out();
        List<String> anchor = DocumentFixtures.anchor(context, id, "inclusive");

        // the member has the document open and is typing a comment
        signInAs("member-ict");
        navigate("documents/" + id);
        contentPainted(); // the consultation panel follows the first painted frame (ADR 092)
        RoundPanel panel = _get(RoundPanel.class);
        _setValue(panel.body, "Half-written");
        _setValue(panel.language, WorkingLanguage.FR);
        assertThat(_get(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("consultation-panel-summary")).getText()).startsWith("0 contributions");

        // the chair, elsewhere, comments: the panel counts it without a reload and keeps the draft
        signIn.as("chair-ict");
        long commentId = consultations.comment(roundId, anchor.get(0), anchor.get(1), "Define inclusive.",
                CommentTag.TECHNICAL, WorkingLanguage.EN);
        signIn.as("member-ict");
        org.issa.tcw.testsupport.UiPolling.awaitUi(java.time.Duration.ofSeconds(30), () -> _get(
                com.vaadin.flow.component.html.Span.class, spec -> spec.withId("consultation-panel-summary"))
                .getText().startsWith("1 contribution, 0"));
        assertThat(panel.body.getValue()).isEqualTo("Half-written");
        assertThat(panel.language.getValue()).isEqualTo(WorkingLanguage.FR);

        // the round's page of a reader: a disposition recorded by the chair elsewhere shows at once
        navigate("consultations/" + roundId);
        Grid<ContributionRow> grid = _get(Grid.class, spec -> spec.withId("disposition-grid"));
        signIn.as("chair-ict");
        consultations.dispose(roundId, commentId, Disposition.NOTED, "");
        signIn.as("member-ict");
        org.issa.tcw.testsupport.UiPolling.awaitUi(java.time.Duration.ofSeconds(30),
                () -> com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0).contains("Noted"));
    }

    @Test
    void a_participant_from_another_commission_opens_the_document_page_with_the_round_panel() {
        long id = document();
        long ict = jdbc.queryForObject("select id from commission where code = 'ICT'", Long.class);
        long fam = jdbc.queryForObject("select id from commission where code = 'FAM'", Long.class);
        signIn.as("chair-ict");
        RoundForm form = new RoundForm();
        form.setAudience(Audience.COMMISSIONS);
        form.setCommissionIds(java.util.Set.of(ict, fam));
        form.setDeadline(LocalDate.now(ZoneOffset.UTC).plusDays(3));
        form.setIntroduction("Tell us.");
        consultations.open(id, form);
        signIn.out();

        // found by the browser test: the stepper refused the page to anyone without a role in ICT
        signInAs("member-fam");
        navigate("documents/" + id);
        contentPainted(); // the consultation panel follows the first painted frame (ADR 092)
        assertThat(refused()).isFalse();
        _get(RoundPanel.class);
        _get(Button.class, spec -> spec.withId("consultation-send"));
        assertThat(_find(Button.class, spec -> spec.withId("workflow-approve"))).isEmpty();
    }
}
