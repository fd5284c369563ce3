package org.issa.tcw.programme.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.issa.tcw.programme.DashboardFilter;
import org.issa.tcw.programme.DueMilestone;
import org.issa.tcw.programme.DueWindow;
import org.issa.tcw.programme.ProgrammeService;
import org.issa.tcw.programme.ProgrammeTree;
import org.issa.tcw.programme.ProjectType;
import org.issa.tcw.programme.SecretariatService;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.AwaitingApproval;
import org.issa.tcw.programme.CommissionProgress;
import org.issa.tcw.security.ui.LoginView;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.StaticHtmlParts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class SecretariatViewTest extends KaribuTest {

    @Autowired
    SecretariatService secretariat;
    @Autowired
    ProgrammeService programme;
    @Autowired
    ProjectRepository projects;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    @Test
    void the_secretariat_sees_every_commission_overdue_due_soon_and_awaiting_approval() {
        signInAs("secretariat");
        navigate("secretariat");
        SecretariatView view = _get(SecretariatView.class);
        var lines = view.progress.getListDataView().getItems().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(9);
        CommissionProgress ict = lines.stream().filter(c -> c.code().equals("ICT")).findFirst().orElseThrow();
        assertThat(ict.projects()).isGreaterThanOrEqualTo(5);
        assertThat(ict.milestonesOverdue()).isPositive();
        assertThat(_size(view.overdue)).isPositive();
        assertThat(_size(view.dueSoon)).isPositive();
        assertThat(GridKt._get(view.overdue, 0).dueDate()).isBefore(LocalDate.now(clock));
        assertThat(_fetch(view.dueSoon, 0, 500)).allSatisfy(m -> assertThat(m.dueDate())
                .isBetween(LocalDate.now(clock), LocalDate.now(clock).plusDays(SecretariatService.DUE_SOON_DAYS)));
        assertThat(view.awaiting.getListDataView().getItems().map(AwaitingApproval::commissionCode)).contains("OMI");
        assertThat(view.timeline.svg()).contains("ICT · ", "FAM · ");
        assertThat(view.summary.getText()).startsWith("Triennium 2026–2028");
    }

    @Test
    void filters_narrow_the_dashboard_to_one_commission() {
        signInAs("secretariat");
        navigate("secretariat");
        SecretariatView view = _get(SecretariatView.class);
        var fam = view.commission.getListDataView().getItems().filter(c -> c.code().equals("FAM")).findFirst()
                .orElseThrow();
        _setValue(view.commission, fam);
        assertThat(view.progress.getListDataView().getItems().map(CommissionProgress::code)).containsExactly("FAM");
        assertThat(_fetch(view.overdue, 0, 500)).isNotEmpty().allMatch(m -> m.commissionCode().equals("FAM"));
        assertThat(_fetch(view.dueSoon, 0, 500)).allMatch(m -> m.commissionCode().equals("FAM"));
        int overdue = _size(view.overdue);
        assertThat(view.summary.getText()).contains(overdue + (overdue == 1 ? " overdue milestone," : " overdue milestones"));
        assertThat(view.timeline.svg()).doesNotContain("ICT · ");
    }

    @Test
    void the_overdue_grid_pages_through_more_than_200_milestones() {
        signInAs("chair-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        LocalDate start = LocalDate.of(tree.triennium().startYear(), 1, 1);
        long days = java.time.temporal.ChronoUnit.DAYS.between(start, LocalDate.now(clock));
        long project = new TransactionTemplate(transactions).execute(s -> {
            Project p = new Project(tree.commissionId(), tree.triennium().id(), tree.priorities().get(0).priority().id(),
                    "Lazy grid project", ProjectType.SURVEY, start, start.plusYears(2), null);
            for (int m = 0; m < 230; m++) {
                p.addMilestone("Lazy step " + m, start.plusDays(m % days), null, null, null);
            }
            return projects.save(p).getId();
        });
        try {
            signInAs("secretariat");
            navigate("secretariat");
            SecretariatView view = _get(SecretariatView.class);
            int size = _size(view.overdue);
            assertThat(size).isGreaterThan(230)
                    .isEqualTo(secretariat.countDueMilestones(DueWindow.OVERDUE, DashboardFilter.none()));
            List<DueMilestone> rows = new ArrayList<>();
            for (int offset = 0; offset < size; offset += 50) {
                rows.addAll(_fetch(view.overdue, offset, 50));
            }
            assertThat(rows).hasSize(size);
            assertThat(rows.stream().filter(m -> m.projectId() == project)).hasSize(230);
            assertThat(GridKt._get(view.overdue, size - 1)).isEqualTo(rows.getLast());
            assertThat(view.summary.getText()).contains(size + " overdue milestones");
        } finally {
            new TransactionTemplate(transactions).executeWithoutResult(s -> projects.deleteById(project));
        }
    }

    @Test
    void the_report_of_all_commissions_comes_in_the_users_language() throws Exception {
        signInAs("secretariat");
        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate("secretariat");
        SecretariatView view = _get(SecretariatView.class);
        _click(view.report.start);
        byte[] pdf = view.report.running.get(120, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
        assertThat(view.report.download.isVisible()).isTrue();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Fortschrittsbericht zum Triennium", "Erledigte Meilensteine", "Kommission")
                    .doesNotContain("Triennium progress report", "Milestones done");
        }
    }

    @Test
    void the_side_menu_offers_the_dashboard_to_the_secretariat_only() {
        signInAs("secretariat");
        navigate("");
        assertThat(StaticHtmlParts.page().select("#main-nav > vaadin-side-nav-item[path=secretariat]")).hasSize(1);
        signInAs("chair-ict");
        navigate("");
        assertThat(StaticHtmlParts.page().select("#main-nav > vaadin-side-nav-item[path=secretariat]")).isEmpty();
    }

    @Test
    void a_chair_cannot_open_the_dashboard() {
        signInAs("chair-ict");
        navigate("secretariat");
        assertThat(_find(SecretariatView.class)).isEmpty();
    }

    @Test
    void an_anonymous_visitor_is_sent_to_login() {
        navigate("secretariat");
        _get(LoginView.class);
    }
}
