package org.issa.tcw.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The embedded database must keep working for weeks while the connection pool retires and replaces
 * its connections (Hikari's {@code max-lifetime}, 30 minutes by default) — the short version of
 * {@code bench/soak/run.sh}: rounds of real changes (threads and their watch rows, posts, a mention's
 * notification, milestones, document updates: the tables with {@code IN (…)} check constraints) and
 * reads (programme, exports), every pool connection retired between rounds — including the one
 * that ran the Flyway migrations — then every acknowledged change is looked up again.
 *
 * <p>{@code softEvictConnections()} retires them all at once, which is what {@code max-lifetime}
 * does one by one. With H2 2.4.240 the second round failed exactly as reported from the field:
 * "Check constraint invalid: CK_DISCUSSION_THREAD_WATCH" caused by "The database has been closed"
 * (ADR 007). The crash test ({@code AcknowledgedChangesSurviveKillIT}) does the same on the default
 * file database of the packaged jar.
 */
@SpringTest
class EmbeddedDatabasePoolRecyclingTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @Test
    void every_change_still_works_and_nothing_is_lost_while_the_pool_replaces_all_its_connections()
            throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Workload workload = new Workload(context);
        List<Ack> acks = new ArrayList<>();
        workload.setUp();
        for (int recycle = 1; recycle <= 3; recycle++) {
            pool.getHikariPoolMXBean().softEvictConnections();
            workload.round("pool-" + recycle + "x", acks::add);
            assertThat(workload.reads()).isPositive();
        }
        assertThat(acks).hasSize(3 * 4);
        assertThat(workload.check(acks)).isEmpty();
    }
}
