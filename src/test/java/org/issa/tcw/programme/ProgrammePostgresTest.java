package org.issa.tcw.programme;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The programme on PostgreSQL 18 (embedded): the Flyway migrations including the Envers audit
 * tables validate against the mappings, the demo programme loads, and the projection and
 * aggregate queries, the approval workflow and the Envers history work there too. The one extra
 * Spring context of this feature, closed after the class.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProgrammePostgresTest {

    private static EmbeddedPostgres postgres;
    /**
     * Vaadin installs its own SecurityContextHolderStrategy globally when a context starts; the
     * shared test context keeps using the one it installed, so it is put back afterwards.
     */
    private static SecurityContextHolderStrategy sharedStrategy;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
        postgres = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Autowired
    ProgrammeService programme;
    @Autowired
    ProjectService projectService;
    @Autowired
    ProgrammeApprovalService approvals;
    @Autowired
    ProjectHistoryService history;
    @Autowired
    SecretariatService secretariat;
    @Autowired
    CalendarFeedService feeds;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void the_programme_works_on_postgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        signIn.as("chair-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        assertThat(tree.projects()).hasSizeGreaterThanOrEqualTo(5);

        ProjectNode ai = tree.projects().stream().filter(p -> p.title().startsWith("Artificial")).findFirst()
                .orElseThrow();
        ProjectDetails d = programme.project(ai.id());
        projectService.updateProject(new ProjectDraft(d.id(), d.version(), d.priority().id(), d.title() + " (PG)",
                d.description(), d.type(), d.leadPersonId(), d.contributorIds(), d.participatingCommissionIds(),
                d.startDate(), d.endDate()));
        List<ProjectChange> changes = history.history(ai.id());
        assertThat(changes.get(0).username()).isEqualTo("chair-ict");
        assertThat(changes.get(0).changes()).extracting(ProjectChange.FieldChange::field).containsExactly("title");
        assertThat(jdbc.queryForObject("select count(*) from project_aud", Long.class)).isPositive();

        approvals.submit("ICT", tree.triennium().id());
        String token = feeds.renew("ICT");
        signIn.as("secretariat");
        ProgrammeTree submitted = programme.tree("ICT", null);
        approvals.approve(submitted.state().id(), submitted.state().version());
        assertThat(programme.tree("ICT", null).state().status()).isEqualTo(ProgrammeStatus.APPROVED);

        SecretariatDashboard dashboard = secretariat.dashboard(DashboardFilter.none()).orElseThrow();
        assertThat(dashboard.commissions()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(dashboard.overdueCount()).isPositive();
        assertThat(secretariat.countDueMilestones(DueWindow.OVERDUE, DashboardFilter.none()))
                .isEqualTo(dashboard.overdueCount());
        var firstPage = secretariat.dueMilestones(DueWindow.OVERDUE, DashboardFilter.none(),
                org.springframework.data.domain.PageRequest.of(0, 5));
        assertThat(firstPage).hasSize((int) Math.min(5, dashboard.overdueCount()));
        assertThat(secretariat.dueMilestones(DueWindow.DUE_SOON, new DashboardFilter(tree.commissionId(), null, null),
                org.springframework.data.domain.PageRequest.of(0, 5))).allMatch(m -> m.commissionCode().equals("ICT"));
        assertThat(secretariat.dashboard(new DashboardFilter(tree.commissionId(), null, ProjectStatus.AT_RISK))
                .orElseThrow().commissions()).singleElement().extracting(CommissionProgress::code).isEqualTo("ICT");
        assertThat(secretariat.timeline(DashboardFilter.none()).orElseThrow().projects()).isNotEmpty();
        signIn.out();
        assertThat(feeds.feed(token)).get().asString().contains("BEGIN:VEVENT");
    }
}
