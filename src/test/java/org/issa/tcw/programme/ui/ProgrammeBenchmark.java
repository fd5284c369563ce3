package org.issa.tcw.programme.ui;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.issa.tcw.programme.DashboardFilter;
import org.issa.tcw.programme.ProgrammeService;
import org.issa.tcw.programme.ProgrammeTree;
import org.issa.tcw.programme.SecretariatService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Server time of the programme tree, the secretariat dashboard and the cross-commission timeline
 * at 10× today's scale: 13 commissions × 3 trienniums × 60 projects × 10 milestones (2,340
 * projects, 23,400 milestones) on top of the demo data, in the embedded H2.
 * Not part of the normal build (the class name does not end in Test); run
 * {@code bench/programme/run.sh}. Writes {@code target/benchmarks-programme.txt}.
 */
@SpringTest
class ProgrammeBenchmark {

    private static final int COMMISSIONS = 13;
    private static final int PROJECTS = 60;
    private static final int MILESTONES = 10;
    private static final int RUNS = 30;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProgrammeService programme;
    @Autowired
    SecretariatService secretariat;
    @Autowired
    SignIn signIn;
    @Autowired
    EntityManagerFactory emf;

    @Test
    void measure_at_ten_times_scale() throws IOException {
        long seedStart = System.nanoTime();
        seed();
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
        long projects = jdbc.queryForObject("select count(*) from project", Long.class);
        long milestones = jdbc.queryForObject("select count(*) from milestone", Long.class);
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);

        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "data: %d projects, %d milestones (seeded in %d ms)", projects, milestones,
                seedMs));
        signIn.as("chair-ict");
        out.add(time("programme tree ICT (chair-ict)", stats, () -> programme.tree("ICT", null)));
        signIn.as("secretariat");
        out.add(time("secretariat dashboard (no filter)", stats,
                () -> secretariat.dashboard(DashboardFilter.none()).orElseThrow()));
        out.add(time("cross-commission timeline data", stats,
                () -> secretariat.timeline(DashboardFilter.none()).orElseThrow()));
        var timeline = secretariat.timeline(DashboardFilter.none()).orElseThrow();
        out.add(time("timeline SVG render (" + timeline.projects().size() + " bars)", stats,
                () -> GanttChart.render(timeline.triennium(), timeline.projects(), timeline.events(),
                        LocalDate.of(2026, 11, 27), true, Locale.ENGLISH, (k, a) -> k)));
        signIn.as("chair-ict");
        ProgrammeTree tree = programme.tree("ICT", null);
        out.add("ICT tree: " + tree.projects().size() + " projects, "
                + tree.projects().stream().mapToInt(p -> p.milestones().size()).sum() + " milestones");
        out.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/benchmarks-programme.txt"), out);
    }

    private static String time(String label, Statistics stats, Supplier<?> action) {
        for (int i = 0; i < 5; i++) {
            action.get();
        }
        long[] ms = new long[RUNS];
        long statements = 0;
        for (int i = 0; i < RUNS; i++) {
            stats.clear();
            long t = System.nanoTime();
            action.get();
            ms[i] = (System.nanoTime() - t) / 1_000;
            statements = stats.getPrepareStatementCount();
        }
        Arrays.sort(ms);
        String slowest = stats.getQueryExecutionMaxTimeQueryString();
        return String.format(Locale.ROOT, "%-45s median %7.1f ms   p90 %7.1f ms   max %7.1f ms   %d SQL statements%s",
                label, ms[RUNS / 2] / 1000.0, ms[(int) (RUNS * 0.9)] / 1000.0, ms[RUNS - 1] / 1000.0, statements,
                slowest == null ? "" : String.format(Locale.ROOT, "   (slowest query %d ms: %s)",
                        stats.getQueryExecutionMaxTime(), slowest.replaceAll("\\s+", " ").substring(0,
                                Math.min(90, slowest.replaceAll("\\s+", " ").length()))));
    }

    /** Fills up to 13 commissions × 3 trienniums × 60 projects × 10 milestones with plain JDBC batches. */
    private void seed() {
        for (String code : List.of("INV", "ACT", "PRV", "SSF")) {
            jdbc.update("insert into commission (code, name, mandate, active, version) values (?, ?, null, true, 0)",
                    code, "Benchmark commission " + code);
        }
        if (jdbc.queryForObject("select count(*) from triennium where start_year = 2029", Long.class) == 0) {
            jdbc.update("insert into triennium (start_year, end_year, status, version) values (2029, 2031, 'PLANNED', 0)");
        }
        List<Long> commissions = jdbc.queryForList("select id from commission order by id", Long.class);
        List<Long> people = jdbc.queryForList("select id from person order by id", Long.class);
        for (var t : jdbc.queryForList("select id, start_year from triennium order by start_year")) {
            long trienniumId = ((Number) t.get("ID")).longValue();
            int year = ((Number) t.get("START_YEAR")).intValue();
            List<Long> priorities = jdbc.queryForList("select id from programme_priority where triennium_id = ?",
                    Long.class, trienniumId);
            if (priorities.isEmpty()) {
                for (int i = 1; i <= 4; i++) {
                    jdbc.update("insert into programme_priority (triennium_id, sort_order, title, version) values (?, ?, ?, 0)",
                            trienniumId, i, "Benchmark priority " + i);
                }
                priorities = jdbc.queryForList("select id from programme_priority where triennium_id = ?", Long.class,
                        trienniumId);
            }
            for (long commission : commissions.subList(0, Math.min(COMMISSIONS, commissions.size()))) {
                long existing = jdbc.queryForObject(
                        "select count(*) from project where commission_id = ? and triennium_id = ?", Long.class,
                        commission, trienniumId);
                for (int p = (int) existing; p < PROJECTS; p++) {
                    LocalDate start = LocalDate.of(year, 1 + p % 12, 1);
                    LocalDate end = LocalDate.of(year + 2, 12, 31);
                    long lead = people.get((int) ((commission * 31 + p) % people.size()));
                    jdbc.update("""
                            insert into project (commission_id, triennium_id, priority_id, title, type, lead_person_id,
                              start_date, end_date, status, version)
                            values (?, ?, ?, ?, 'TECHNICAL_REPORT', ?, ?, ?, ?, 0)""",
                            commission, trienniumId, priorities.get(p % priorities.size()),
                            "Benchmark project " + commission + "-" + year + "-" + p, lead, Date.valueOf(start),
                            Date.valueOf(end), p % 5 == 0 ? "AT_RISK" : "ON_TRACK");
                    long projectId = jdbc.queryForObject("select max(id) from project", Long.class);
                    List<Object[]> rows = new ArrayList<>();
                    for (int m = 0; m < MILESTONES; m++) {
                        LocalDate due = start.plusDays(70L * m);
                        rows.add(new Object[] {projectId, "Milestone " + m, Date.valueOf(due), lead,
                                m < 3 ? Date.valueOf(due) : null});
                    }
                    jdbc.batchUpdate("insert into milestone (project_id, title, due_date, owner_person_id, done_date, "
                            + "cancelled, overdue_notified, due_soon_notified, version) values (?, ?, ?, ?, ?, false, false, false, 0)",
                            rows);
                }
            }
        }
    }
}
