package org.issa.tcw.programme.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.issa.tcw.base.ui.AccessDeniedView;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

class ProgrammeViewTest extends KaribuTest {

    private ProgrammeView open(String user, String code) {
        signInAs(user);
        navigate("commissions/" + code + "/programme");
        return _get(ProgrammeView.class);
    }

    @Test
    void chair_sees_priorities_projects_milestones_and_the_timeline() {
        ProgrammeView view = open("chair-ict", "ICT");
        var data = view.tree.getTreeData();
        assertThat(data.getRootItems()).hasSizeGreaterThanOrEqualTo(4).extracting(l -> l.priority().title())
                .contains("Transformation and innovation in service delivery");
        assertThat(data.getRootItems().stream().flatMap(p -> data.getChildren(p).stream())
                .map(l -> l.project().title()))
                .contains("Artificial intelligence in social security administration",
                        "Cybersecurity in social security: good practices");
        String svg = view.timeline.svg();
        assertThat(svg).contains("class='bar'", "class='milestone", "class='today'", "class='event'",
                "World Social Security Forum", "href='projects/");
        _get(Button.class, spec -> spec.withId("new-project"));
        _get(Anchor.class, spec -> spec.withId("commission-link"));
    }

    @Test
    void chair_creates_a_project_through_the_dialog() {
        ProgrammeView view = open("chair-ict", "ICT");
        _click(_get(Button.class, spec -> spec.withId("new-project")));
        ProjectDialog dialog = _get(ProjectDialog.class);
        int year = view.triennium.getValue().startYear();
        _setValue(dialog.title, "Open data for social security statistics");
        _setValue(dialog.start, LocalDate.of(year + 1, 1, 1));
        _setValue(dialog.end, LocalDate.of(year + 1, 12, 31));
        _click(dialog.save);
        assertThat(_find(ProjectDialog.class)).isEmpty();
        var data = _get(ProgrammeView.class).tree.getTreeData();
        assertThat(data.getRootItems().stream().flatMap(p -> data.getChildren(p).stream())
                .map(l -> l.project().title())).contains("Open data for social security statistics");
    }

    @Test
    void a_project_without_title_or_dates_is_refused_with_a_message_and_not_created() {
        ProgrammeView view = open("chair-ict", "ICT");
        int before = view.tree.getTreeData().getRootItems().stream()
                .mapToInt(p -> view.tree.getTreeData().getChildren(p).size()).sum();
        _click(_get(Button.class, spec -> spec.withId("new-project")));
        ProjectDialog dialog = _get(ProjectDialog.class);
        _click(dialog.save);
        assertThat(ProgrammeUiSupport.notifications()).contains("Title is required.");
        assertThat(dialog.title.isInvalid()).isTrue();
        assertThat(_find(ProjectDialog.class)).hasSize(1);
        int after = view.tree.getTreeData().getRootItems().stream()
                .mapToInt(p -> view.tree.getTreeData().getChildren(p).size()).sum();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void member_and_observer_read_the_programme_without_edit_or_approval_buttons() {
        for (String user : new String[] {"member-ict", "observer-ict"}) {
            open(user, "ICT");
            assertThat(_find(Button.class, spec -> spec.withId("new-project"))).isEmpty();
            assertThat(_find(Button.class, spec -> spec.withId("submit"))).isEmpty();
            assertThat(_find(Button.class, spec -> spec.withId("approve"))).isEmpty();
            assertThat(_find(Button.class, spec -> spec.withId("calendar-renew"))).isEmpty();
        }
    }

    @Test
    void a_member_of_another_commission_is_denied() {
        signInAs("member-fam");
        navigate("commissions/ICT/programme");
        _get(AccessDeniedView.class);
        assertThat(_find(ProgrammeView.class)).isEmpty();
    }

    @Test
    void secretariat_approves_a_submitted_programme_and_return_needs_a_comment() {
        ProgrammeView view = open("secretariat", "FAM");
        assertThat(view.status.getText()).isEqualTo("Submitted for approval");
        _click(_get(Button.class, spec -> spec.withId("return")));
        assertThat(ProgrammeUiSupport.notifications()).contains("Comment for the chair is required.");
        assertThat(_get(TextArea.class, spec -> spec.withId("return-comment")).isInvalid()).isTrue();
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withId("approve")));
        assertThat(_get(ProgrammeView.class).status.getText()).isEqualTo("Approved");
        assertThat(_find(Button.class, spec -> spec.withId("approve"))).isEmpty();
    }

    @Test
    void the_xlsx_export_runs_in_the_background_and_offers_a_download() throws Exception {
        ProgrammeView view = open("member-ict", "ICT");
        _click(view.xlsx.start);
        byte[] bytes = view.xlsx.running.get(60, TimeUnit.SECONDS);
        assertThat(bytes.length).isGreaterThan(1000);
        MockVaadin.clientRoundtrip(false);
        assertThat(view.xlsx.download.isVisible()).isTrue();
        assertThat(view.xlsx.download.getText()).contains(".xlsx");
        assertThat(view.xlsx.progress.isVisible()).isFalse();
    }

    @Test
    void the_exports_come_in_the_users_language() throws Exception {
        signInAs("member-ict");
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.FRENCH);
        navigate("commissions/ICT/programme");
        ProgrammeView view = _get(ProgrammeView.class);
        _click(view.xlsx.start);
        byte[] xlsx = view.xlsx.running.get(60, TimeUnit.SECONDS);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Projets");
            assertThat(wb.getSheet("Projets").getRow(0).getCell(2).getStringCellValue()).isEqualTo("Projet");
        }
        _click(view.pdf.start);
        byte[] pdf = view.pdf.running.get(60, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
        assertThat(view.pdf.download.isVisible()).isTrue();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("Rapport d'avancement du triennat", "ICT · ").doesNotContain("Triennium progress report");
        }
    }

    @Test
    void the_chair_creates_and_revokes_the_private_calendar_link() {
        open("chair-ict", "ICT");
        _click(_get(Button.class, spec -> spec.withId("calendar-renew")));
        String link = _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("calendar-link"))
                .getValue();
        assertThat(link).contains("/calendar/").endsWith(".ics");
        _click(_get(Button.class, spec -> spec.withId("calendar-revoke")));
        assertThat(_find(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("calendar-link")))
                .isEmpty();
    }

    @Test
    void the_commission_page_links_to_its_programme() {
        signInAs("member-ict");
        navigate("commissions/ICT");
        assertThat(_get(Anchor.class, spec -> spec.withId("programme-link")).getHref())
                .isEqualTo("commissions/ICT/programme");
    }
}
