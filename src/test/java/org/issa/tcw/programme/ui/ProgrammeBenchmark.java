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
import org.issa.tcw.programme.DueWindow;
import org.issa.tcw.programme.ProgrammeExports;
import org.issa.tcw.programme.ProgrammeService;
import org.issa.tcw.programme.ProgrammeTree;
import org.issa.tcw.programme.SecretariatService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Server time of the programme tree, the secretariat dashboard (with its paged milestone lists),
 * the cross-commission timeline and the exports (PDF report of all commissions, XLSX)
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
    ProgrammeExports exports;
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
        long overdue = secretariat.countDueMilestones(DueWindow.OVERDUE, DashboardFilter.none());
        long dueSoon = secretariat.countDueMilestones(DueWindow.DUE_SOON, DashboardFilter.none());
        out.add("dashboard lists: " + overdue + " overdue, " + dueSoon + " due in " + SecretariatService.DUE_SOON_DAYS
                + " days");
        out.add(time("overdue grid: first page of 50 + count", stats, () -> {
            secretariat.dueMilestones(DueWindow.OVERDUE, DashboardFilter.none(), PageRequest.of(0, 50));
            return secretariat.countDueMilestones(DueWindow.OVERDUE, DashboardFilter.none());
        }));
        int last = (int) Math.max(0, (overdue - 1) / 50);
        out.add(time("overdue grid: last page (" + last + ") of 50", stats,
                () -> secretariat.dueMilestones(DueWindow.OVERDUE, DashboardFilter.none(), PageRequest.of(last, 50))));
        out.add(time("due-soon grid: first page of 50 + count", stats, () -> {
            secretariat.dueMilestones(DueWindow.DUE_SOON, DashboardFilter.none(), PageRequest.of(0, 50));
            return secretariat.countDueMilestones(DueWindow.DUE_SOON, DashboardFilter.none());
        }));
        long trienniumId = programme.tree("ICT", null).triennium().id();
        byte[][] pdf = new byte[1][];
        out.add(time("PDF report, all commissions (DE)", stats,
                () -> pdf[0] = exports.pdfAll(trienniumId, Locale.GERMAN), 1, 3));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf[0])) {
            out.add(String.format(Locale.ROOT, "PDF report, all commissions: %d pages, %d KB", doc.getNumberOfPages(),
                    pdf[0].length / 1024));
        }
        signIn.as("chair-ict");
        out.add(time("PDF report, ICT (FR)", stats, () -> pdf[0] = exports.pdf("ICT", trienniumId, Locale.FRENCH),
                2, 10));
        out.add(String.format(Locale.ROOT, "PDF report, ICT: %d KB", pdf[0].length / 1024));
        out.add(time("XLSX workbook, ICT (FR)", stats, () -> exports.xlsx("ICT", trienniumId, Locale.FRENCH), 2, 10));
        signIn.as("secretariat");
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
        return time(label, stats, action, 5, RUNS);
    }

    private static String time(String label, Statistics stats, Supplier<?> action, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            action.get();
        }
        long[] ms = new long[runs];
        long statements = 0;
        for (int i = 0; i < runs; i++) {
            stats.clear();
            long t = System.nanoTime();
            action.get();
            ms[i] = (System.nanoTime() - t) / 1_000;
            statements = stats.getPrepareStatementCount();
        }
        Arrays.sort(ms);
        String slowest = stats.getQueryExecutionMaxTimeQueryString();
        return String.format(Locale.ROOT, "%-45s median %7.1f ms   p90 %7.1f ms   max %7.1f ms   %d SQL statements%s",
                label, ms[runs / 2] / 1000.0, ms[(int) (runs * 0.9)] / 1000.0, ms[runs - 1] / 1000.0, statements,
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
