package org.issa.tcw.programme;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The programme tree, the timeline and the secretariat dashboard run a fixed number of SQL
 * statements however many projects and milestones there are (Hibernate statistics).
 */
@SpringTest
class ProgrammeStatementCountTest {

    @Autowired
    ProgrammeService programme;
    @Autowired
    SecretariatService secretariat;
    @Autowired
    ProjectRepository projects;
    @Autowired
    EntityManagerFactory emf;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SignIn signIn;

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        signIn.out();
        new TransactionTemplate(transactions).executeWithoutResult(s -> projects.deleteAllById(created));
    }

    @Test
    void tree_timeline_and_dashboard_statements_do_not_grow_with_the_data() {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);
        signIn.as("chair-ict");
        long[] before = measure(stats);

        addProjects(25, 10);
        signIn.as("chair-ict");
        long[] after = measure(stats);

        assertThat(after).as("tree, timeline, dashboard, overdue page + count, due-soon page + count")
                .containsExactly(before);
        // most of them are the permission checks (each asks who is signed in and their roles)
        assertThat(before[0]).as("tree").isLessThanOrEqualTo(40);
        assertThat(before[1]).as("timeline").isLessThanOrEqualTo(12);
        assertThat(before[2]).as("dashboard").isLessThanOrEqualTo(16);
        assertThat(before[3]).as("overdue page and count").isLessThanOrEqualTo(8);
        assertThat(before[4]).as("due-soon page and count").isLessThanOrEqualTo(8);
        System.out.printf("Statements: tree %d, timeline %d, dashboard %d, overdue page+count %d, due-soon page+count %d%n",
                before[0], before[1], before[2], before[3], before[4]);
    }

    private long[] measure(Statistics stats) {
        long[] counts = new long[5];
        stats.clear();
        ProgrammeTree tree = programme.tree("ICT", null);
        counts[0] = stats.getPrepareStatementCount();
        assertThat(tree.projects()).isNotEmpty();
        signIn.as("secretariat");
        stats.clear();
        secretariat.timeline(DashboardFilter.none()).orElseThrow();
        counts[1] = stats.getPrepareStatementCount();
        stats.clear();
        secretariat.dashboard(DashboardFilter.none()).orElseThrow();
        counts[2] = stats.getPrepareStatementCount();
        int i = 3;
        for (DueWindow window : DueWindow.values()) {
            stats.clear();
            List<DueMilestone> page = secretariat.dueMilestones(window, DashboardFilter.none(), PageRequest.of(0, 50));
            long total = secretariat.countDueMilestones(window, DashboardFilter.none());
            counts[i++] = stats.getPrepareStatementCount();
            assertThat(page).hasSize((int) Math.min(50, total)).isNotEmpty();
        }
        signIn.as("chair-ict");
        return counts;
    }

    private void addProjects(int count, int milestonesEach) {
        ProgrammeTree tree = programme.tree("ICT", null);
        long omi = programme.tree("ICT", null).projects().stream().filter(ProjectNode::crossCommission)
                .findFirst().orElseThrow().id();
        long omiId = programme.project(omi).participatingCommissionIds().iterator().next();
        Long owner = programme.project(omi).leadPersonId();
        int y = tree.triennium().startYear();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < count; i++) {
                Project p = new Project(tree.commissionId(), tree.triennium().id(),
                        tree.priorities().get(i % 4).priority().id(), "Growth project " + i, ProjectType.SURVEY,
                        LocalDate.of(y, 1, 1), LocalDate.of(y + 2, 12, 31), null);
                p.describe(p.getPriorityId(), p.getTitle(), null, ProjectType.SURVEY, null, List.of(),
                        i % 2 == 0 ? List.of(omiId) : List.of());
                for (int m = 0; m < milestonesEach; m++) {
                    p.addMilestone("Step " + m, LocalDate.of(y, 1, 1).plusDays(40L * m + i),
                            m % 2 == 0 ? owner : null, null, null);
                }
                created.add(projects.save(p).getId());
            }
        });
    }
}
