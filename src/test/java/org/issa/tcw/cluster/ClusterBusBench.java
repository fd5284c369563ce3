package org.issa.tcw.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The PostgreSQL bus on its own (ADR 100), for docs/benchmarks-cluster.md: two
 * {@link PostgresLiveDelivery} instances on one embedded PostgreSQL stand for two nodes. Not part of
 * the build (no Test/IT suffix); run by {@code bench/cluster/run.sh}, results appended to
 * {@code target/bench/cluster.txt}.
 * <ul>
 * <li>NOTIFY throughput: {@code bench.messages} messages (default 10,000), each published in a
 * transaction of its own on node A, as a change is; the time until node B has received all.</li>
 * <li>Catch-up after a listener outage: node B's listening connection is cut again and again for
 * {@code bench.outage.seconds} (default 30) while node A publishes; then the time from the end of
 * the outage until node B tells its pages to catch up ({@code onResume}), and how many messages B
 * did not hear (the pages re-read them from the database).</li>
 * </ul>
 */
class ClusterBusBench {

    private static final LiveDelivery.Channel<Long> CHANNEL = new LiveDelivery.Channel<>("bench.signal", Long.class);
    static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);
    static final int OUTAGE_SECONDS = Integer.getInteger("bench.outage.seconds", 30);

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void write() throws IOException {
        postgres.close();
        Path out = Path.of("target", "bench", "cluster.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        report.forEach(System.out::println);
    }

    private static PostgresLiveDelivery node() throws InterruptedException {
        PostgresLiveDelivery node = new PostgresLiveDelivery(new JdbcTemplate(dataSource),
                postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        node.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!node.listening() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(node.listening()).as("listening").isTrue();
        return node;
    }

    @Test
    void notify_throughput_from_one_node_to_the_other() throws Exception {
        PostgresLiveDelivery a = node();
        PostgresLiveDelivery b = node();
        try {
            AtomicInteger received = new AtomicInteger();
            AtomicLong lastAt = new AtomicLong();
            b.subscribe(CHANNEL, 1L, m -> {
                received.incrementAndGet();
                lastAt.set(System.nanoTime());
            });
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            long start = System.nanoTime();
            for (long i = 0; i < MESSAGES; i++) {
                long n = i;
                tx.executeWithoutResult(s -> a.publish(CHANNEL, 1L, n));
            }
            long published = System.nanoTime();
            long until = published + TimeUnit.SECONDS.toNanos(60);
            while (received.get() < MESSAGES && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            double seconds = (lastAt.get() - start) / 1e9;
            line("NOTIFY: %d messages published in their own transactions on A in %.2f s (%.0f/s); B received %d,"
                    + " the last %.0f ms after the last commit; end to end %.0f messages/s", MESSAGES,
                    (published - start) / 1e9, MESSAGES / ((published - start) / 1e9), received.get(),
                    (lastAt.get() - published) / 1e6, received.get() / seconds);
            assertThat(received.get()).as("every message arrived").isEqualTo(MESSAGES);
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void catch_up_of_a_node_after_a_listener_outage() throws Exception {
        PostgresLiveDelivery a = node();
        PostgresLiveDelivery b = node();
        try {
            AtomicInteger received = new AtomicInteger();
            AtomicLong resumedAt = new AtomicLong();
            AtomicInteger resumes = new AtomicInteger();
            b.subscribe(CHANNEL, 2L, m -> received.incrementAndGet());
            b.onResume(() -> {
                resumes.incrementAndGet();
                resumedAt.set(System.nanoTime());
            });
            JdbcTemplate admin = new JdbcTemplate(dataSource);
            String cutB = "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name ="
                    + " 'tcw-live-listener'";
            Integer listenersBefore = admin.queryForObject(
                    "select count(*) from pg_stat_activity where application_name = 'tcw-live-listener'", Integer.class);
            assertThat(listenersBefore).isEqualTo(2);
            a.close(); // only B listens now, so every cut is B's; A still publishes through its JdbcTemplate
            long outageEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(OUTAGE_SECONDS);
            long n = 0;
            long lastCut = System.nanoTime();
            while (System.nanoTime() < outageEnd) {
                admin.queryForObject(cutB, Integer.class);
                lastCut = System.nanoTime();
                a.publish(CHANNEL, 2L, n++);
                Thread.sleep(50);
            }
            // the outage ends with the last cut: from then on B's listener may reconnect for good
            long cut = lastCut;
            long until = cut + TimeUnit.SECONDS.toNanos(30);
            while (resumedAt.get() < cut && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(resumedAt.get()).as("B resumed after the outage").isGreaterThan(cut);
            long ended = cut;
            line("listener outage of %d s (B's listening connection cut every 50 ms, %d messages published meanwhile,"
                    + " B heard %d): B told its pages to catch up %.0f ms after the outage ended",
                    OUTAGE_SECONDS, n, received.get(), (resumedAt.get() - ended) / 1e6);
        } finally {
            b.close();
        }
    }

    private static void line(String format, Object... args) {
        report.add(Instant.now() + " " + String.format(Locale.ROOT, format, args));
    }
}
