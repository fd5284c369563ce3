package org.issa.tcw.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Server time of the home page's read ({@link HomeService#home()}) at 10× today's scale, for a
 * chair, a member and the secretariat: 600 projects × 10 milestones (many owned by the readers),
 * 2,000 threads with unread posts, 20,000 notifications. Not part of the normal build (the name
 * does not end in Test); run {@code bench/home/run.sh}. Writes {@code target/benchmarks-home.txt}.
 * Target: median ≤ 100 ms.
 */
@SpringTest
class HomeBenchmark {

    private static final int PROJECTS = 600;
    private static final int MILESTONES = 10;
    private static final int THREADS = 2_000;
    private static final int NOTIFICATIONS = 20_000;
    private static final int RUNS = 50;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HomeService home;
    @Autowired
    SignIn signIn;

    @Test
    void measure_at_ten_times_scale() throws IOException {
        seed();
        List<String> lines = new ArrayList<>();
        for (String who : List.of("chair-ict", "member-ict", "secretariat")) {
            signIn.as(who);
            for (int i = 0; i < 10; i++) {
                home.home();
            }
            long[] ns = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                home.home();
                ns[i] = System.nanoTime() - start;
            }
            Arrays.sort(ns);
            lines.add(String.format(Locale.ROOT, "home %-12s median %.1f ms, p90 %.1f ms, max %.1f ms", who,
                    ns[RUNS / 2] / 1e6, ns[(int) (RUNS * 0.9)] / 1e6, ns[RUNS - 1] / 1e6));
        }
        signIn.out();
        lines.forEach(System.out::println);
        Files.write(Path.of("target/benchmarks-home.txt"), lines);
    }

    private void seed() {
        long ict = jdbc.queryForObject("select id from commission where code = 'ICT'", Long.class);
        long triennium = jdbc.queryForObject("select id from triennium where status = 'ACTIVE'", Long.class);
        long priority = jdbc.queryForObject("select min(id) from programme_priority where triennium_id = ?", Long.class,
                triennium);
        List<Long> readers = jdbc.queryForList(
                "select id from person where username in ('chair-ict', 'member-ict', 'observer-ict')", Long.class);
        LocalDate today = LocalDate.now();
        for (int p = 0; p < PROJECTS; p++) {
            jdbc.update("""
                    insert into project (commission_id, triennium_id, priority_id, title, type, lead_person_id,
                      start_date, end_date, status, version)
                    values (?, ?, ?, ?, 'TECHNICAL_REPORT', ?, ?, ?, 'ON_TRACK', 0)""", ict, triennium, priority,
                    "Home benchmark project " + p, readers.get(p % readers.size()), Date.valueOf(today.minusYears(1)),
                    Date.valueOf(today.plusYears(1)));
            long projectId = jdbc.queryForObject("select max(id) from project", Long.class);
            List<Object[]> rows = new ArrayList<>();
            for (int m = 0; m < MILESTONES; m++) {
                rows.add(new Object[] {projectId, "Milestone " + m, Date.valueOf(today.plusDays(m * 20L - 60 + p % 7)),
                        readers.get((p + m) % readers.size())});
            }
            jdbc.batchUpdate("insert into milestone (project_id, title, due_date, owner_person_id, cancelled, "
                    + "overdue_notified, due_soon_notified, version) values (?, ?, ?, ?, false, false, false, 0)", rows);
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new Object[] {ict, "Benchmark thread " + t, readers.get(t % readers.size()), now, now, 1 + t % 9});
        }
        jdbc.batchUpdate("""
                insert into discussion_thread (commission_id, commission_code, title, author_id, created_at,
                  last_post_at, last_seq) values (?, 'ICT', ?, ?, ?, ?, ?)""", threads);
        List<Object[]> notifications = new ArrayList<>();
        for (int n = 0; n < NOTIFICATIONS; n++) {
            notifications.add(new Object[] {readers.get(n % readers.size()), n % 2 == 0 ? "MENTION" : "REPLY",
                    "Someone", "Benchmark thread " + n, "discussions/1", now});
        }
        jdbc.batchUpdate("insert into notification (person_id, kind, actor_name, subject, link, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", notifications);
    }
}
