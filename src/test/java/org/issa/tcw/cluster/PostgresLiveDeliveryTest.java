package org.issa.tcw.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live delivery across nodes through a real PostgreSQL (embedded, on 127.0.0.1): two instances of
 * {@link PostgresLiveDelivery} on one database stand for two nodes.
 */
class PostgresLiveDeliveryTest {

    /** A message whose hint for the other nodes drops its (possibly long) text. */
    record Signal(long id, String text) {
    }

    private static final LiveDelivery.Channel<String> TEXT = new LiveDelivery.Channel<>("test.text", String.class);
    private static final LiveDelivery.Channel<Signal> SIGNAL = new LiveDelivery.Channel<>("test.signal", Signal.class,
            s -> new Signal(s.id(), ""));

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private PostgresLiveDelivery nodeA;
    private PostgresLiveDelivery nodeB;
    private final List<String> onA = new CopyOnWriteArrayList<>();
    private final List<String> onB = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void startNodes() {
        nodeA = node();
        nodeB = node();
        await().atMost(Duration.ofSeconds(10)).until(() -> nodeA.listening() && nodeB.listening());
    }

    private static PostgresLiveDelivery node() {
        PostgresLiveDelivery node = new PostgresLiveDelivery(new JdbcTemplate(dataSource),
                postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        node.start();
        return node;
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void a_message_published_on_one_node_reaches_the_pages_of_both_once() throws InterruptedException {
        nodeA.subscribe(TEXT, 7L, onA::add);
        nodeB.subscribe(TEXT, 7L, onB::add);
        nodeB.subscribe(TEXT, 8L, m -> onB.add("wrong key"));
        nodeA.publish(TEXT, 7L, "hello");
        await().atMost(Duration.ofSeconds(5)).until(() -> onA.contains("hello") && onB.contains("hello"));
        Thread.sleep(700); // a second copy (e.g. A hearing its own notification) would arrive within a poll
        assertThat(onA).containsExactly("hello");
        assertThat(onB).containsExactly("hello");
    }

    @Test
    void other_nodes_hear_a_message_only_when_its_transaction_commits() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        nodeB.subscribe(TEXT, 1L, onB::add);
        tx.executeWithoutResult(status -> {
            nodeA.publish(TEXT, 1L, "rolled back");
            status.setRollbackOnly();
        });
        AtomicInteger heardBeforeCommit = new AtomicInteger(-1);
        tx.executeWithoutResult(status -> {
            nodeA.publish(TEXT, 1L, "committed");
            try {
                Thread.sleep(1_000); // the listener polls every 500 ms
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heardBeforeCommit.set(onB.size());
        });
        assertThat(heardBeforeCommit).as("nothing before the commit").hasValue(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> onB.contains("committed"));
        assertThat(onB).containsExactly("committed");
    }

    @Test
    void other_nodes_receive_the_hint_and_this_node_the_whole_message() {
        List<Signal> localSignals = new CopyOnWriteArrayList<>();
        List<Signal> remoteSignals = new CopyOnWriteArrayList<>();
        nodeA.subscribe(SIGNAL, "doc-1", localSignals::add);
        nodeB.subscribe(SIGNAL, "doc-1", remoteSignals::add);
        nodeA.publish(SIGNAL, "doc-1", new Signal(42, "x".repeat(20_000)));
        await().atMost(Duration.ofSeconds(5)).until(() -> !localSignals.isEmpty() && !remoteSignals.isEmpty());
        assertThat(localSignals.getFirst().text()).hasSize(20_000);
        assertThat(remoteSignals).containsExactly(new Signal(42, ""));
    }

    @Test
    void a_message_too_long_for_postgresql_is_refused_and_nothing_is_sent() throws InterruptedException {
        nodeA.subscribe(TEXT, 2L, onA::add);
        nodeB.subscribe(TEXT, 2L, onB::add);
        assertThatThrownBy(() -> nodeA.publish(TEXT, 2L, "y".repeat(8_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7900");
        nodeA.publish(TEXT, 2L, "after");
        await().atMost(Duration.ofSeconds(5)).until(() -> onB.contains("after") && onA.contains("after"));
        assertThat(onA).containsExactly("after");
        assertThat(onB).containsExactly("after");
        assertThatThrownBy(() -> nodeA.subscribe(TEXT, 3, onA::add)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_node_whose_listening_connection_is_cut_reconnects_tells_its_pages_to_catch_up_and_hears_again() {
        AtomicInteger resumed = new AtomicInteger();
        nodeB.onResume(resumed::incrementAndGet);
        nodeB.subscribe(TEXT, 5L, onB::add);
        // Cut B's listening connection the hard way: the server ends its backend.
        int cut = new JdbcTemplate(dataSource).queryForObject(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'tcw-live-listener'",
                Integer.class);
        assertThat(cut).as("both nodes' listeners were cut").isEqualTo(2);
        await().atMost(Duration.ofSeconds(15)).until(() -> resumed.get() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> nodeA.listening() && nodeB.listening());
        nodeA.publish(TEXT, 5L, "after the cut");
        await().atMost(Duration.ofSeconds(5)).until(() -> onB.contains("after the cut"));
    }

    @Test
    void a_cluster_on_the_embedded_h2_database_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> new PostgresLiveDelivery(new JdbcTemplate(dataSource),
                "jdbc:h2:durable:./data/tcw;WRITE_DELAY=0", "sa", ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs PostgreSQL")
                .hasMessageContaining("jdbc:h2:durable:./data/tcw").hasMessageNotContaining("WRITE_DELAY");
    }
}
