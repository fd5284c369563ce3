package org.issa.tcw.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's milestone lists are read page by page: no cap, every milestone reachable, the
 * count matches the pages, and the filters narrow both.
 */
@SpringTest
class SecretariatPagingTest {

    private static final int MANY = 260;

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
    @Autowired
    SignIn signIn;

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        signIn.out();
        new TransactionTemplate(transactions).executeWithoutResult(s -> projects.deleteAllById(created));
    }

    @Test
    void more_than_200_overdue_milestones_are_all_reachable_through_the_pages() {
        signIn.as("secretariat");
        long before = secretariat.countDueMilestones(DueWindow.OVERDUE, DashboardFilter.none());
        long project = projectWithOverdueMilestones(MANY);
        signIn.as("secretariat");

        long count = secretariat.countDueMilestones(DueWindow.OVERDUE, DashboardFilter.none());
        assertThat(count).isEqualTo(before + MANY).isGreaterThan(200);
        assertThat(secretariat.dashboard(DashboardFilter.none()).orElseThrow().overdueCount()).isEqualTo(count);

        List<DueMilestone> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<DueMilestone> rows = secretariat.dueMilestones(DueWindow.OVERDUE, DashboardFilter.none(),
                    PageRequest.of(page, 50));
            all.addAll(rows);
            if (rows.size() < 50) {
                break;
            }
        }
        assertThat(all).hasSize((int) count);
        assertThat(new HashSet<>(all.stream().map(DueMilestone::milestoneId).toList())).hasSize((int) count);
        List<DueMilestone> mine = all.stream().filter(m -> m.projectId() == project).toList();
        assertThat(mine).hasSize(MANY).allSatisfy(m -> {
            assertThat(m.commissionCode()).isEqualTo("ICT");
            assertThat(m.projectTitle()).isEqualTo("Many overdue steps");
            assertThat(m.dueDate()).isBefore(LocalDate.now(clock));
        });
        assertThat(all).extracting(DueMilestone::dueDate).isSorted();
    }

    @Test
    void the_filters_narrow_the_pages_and_the_count_alike() {
        long project = projectWithOverdueMilestones(MANY);
        signIn.as("secretariat");
        ProjectDetails details = programme.project(project);
        DashboardFilter ict = new DashboardFilter(details.commissionId(), details.priority().id(),
                ProjectStatus.NOT_STARTED);
        long count = secretariat.countDueMilestones(DueWindow.OVERDUE, ict);
        assertThat(count).isGreaterThanOrEqualTo(MANY);
        Set<Long> ids = new HashSet<>();
        for (int page = 0; page * 100L < count; page++) {
            secretariat.dueMilestones(DueWindow.OVERDUE, ict, PageRequest.of(page, 100)).forEach(m -> {
                assertThat(m.commissionCode()).isEqualTo("ICT");
                ids.add(m.milestoneId());
            });
        }
        assertThat(ids).hasSize((int) count);

        DashboardFilter completed = new DashboardFilter(details.commissionId(), details.priority().id(),
                ProjectStatus.COMPLETED);
        assertThat(secretariat.dueMilestones(DueWindow.OVERDUE, completed, PageRequest.of(0, 50)))
                .noneMatch(m -> m.projectId() == project);
        assertThat(secretariat.countDueMilestones(DueWindow.OVERDUE, completed)).isLessThan(count);

        // due soon: none of these (they are all in the past); the list and its count agree
        DashboardFilter soon = new DashboardFilter(details.commissionId(), null, null);
        assertThat(secretariat.dueMilestones(DueWindow.DUE_SOON, soon, PageRequest.of(0, 500)))
                .hasSize((int) secretariat.countDueMilestones(DueWindow.DUE_SOON, soon))
                .noneMatch(m -> m.projectId() == project)
                .allSatisfy(m -> assertThat(m.dueDate()).isBetween(LocalDate.now(clock),
                        LocalDate.now(clock).plusDays(SecretariatService.DUE_SOON_DAYS)));
    }

    @Test
    void only_the_secretariat_and_admin_read_the_lists() {
        for (String user : List.of("chair-ict", "member-ict", "observer-ict")) {
            signIn.as(user);
            assertThatThrownBy(() -> secretariat.dueMilestones(DueWindow.OVERDUE, DashboardFilter.none(),
                    PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> secretariat.countDueMilestones(DueWindow.DUE_SOON, DashboardFilter.none()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        signIn.as("admin");
        assertThat(secretariat.countDueMilestones(DueWindow.OVERDUE, DashboardFilter.none())).isPositive();
    }

    /** An ICT project (not started) in the active triennium with the given number of overdue milestones. */
    private long projectWithOverdueMilestones(int count) {
        signIn.as("chair-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = LocalDate.of(tree.triennium().startYear(), 1, 1);
        assertThat(today).as("the active triennium has begun").isAfter(start.plusDays(10));
        long days = java.time.temporal.ChronoUnit.DAYS.between(start, today);
        long id = new TransactionTemplate(transactions).execute(s -> {
            Project p = new Project(tree.commissionId(), tree.triennium().id(),
                    tree.priorities().get(0).priority().id(), "Many overdue steps", ProjectType.SURVEY, start,
                    LocalDate.of(tree.triennium().startYear() + 2, 12, 31), null);
            for (int m = 0; m < count; m++) {
                p.addMilestone("Overdue step " + m, start.plusDays(m % days), null, null, null);
            }
            return projects.save(p).getId();
        });
        created.add(id);
        return id;
    }
}
