package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's connections wait for a locked row as long as a busy moment needs (ADR
 * 113): with H2's default of 2 s, replies to one busy thread failed under the load test, where
 * PostgreSQL waits. Opens a fresh file database with the packaged application's URL settings.
 */
class EmbeddedDatabaseLockTimeoutTest {

    @Test
    void a_transaction_waits_more_than_h2s_default_two_seconds_for_a_locked_row() throws Exception {
        String url = urlOnFreshFile();
        try (Connection holder = DriverManager.getConnection(url, "sa", "");
                Connection waiter = DriverManager.getConnection(url, "sa", "");
                ExecutorService pool = Executors.newSingleThreadExecutor()) {
            try (Statement s = holder.createStatement()) {
                s.execute("create table thread_row (id bigint primary key, posts int)");
                s.execute("insert into thread_row values (1, 0)");
            }
            try (Statement s = waiter.createStatement();
                    ResultSet r = s.executeQuery("select lock_timeout()")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isGreaterThanOrEqualTo(10_000);
            }
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("select posts from thread_row where id = 1 for update");
            }
            var started = new CountDownLatch(1);
            Future<Integer> update = pool.submit(() -> {
                started.countDown();
                try (Statement s = waiter.createStatement()) {
                    return s.executeUpdate("update thread_row set posts = posts + 1 where id = 1");
                }
            });
            started.await();
            Thread.sleep(3_000); // longer than H2's default lock timeout
            holder.commit();
            assertThat(update.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    private static String urlOnFreshFile() throws Exception {
        String file = Path.of("target", "lock-timeout", UUID.randomUUID().toString(), "tcw").toAbsolutePath().toString();
        return DurableCommitsCheckTest.defaultUrl().replace("jdbc:h2:durable:./data/tcw", "jdbc:h2:file:" + file);
    }
}
