package org.issa.tcw.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** A node's read cache per id: kept while fresh, forgotten here at once and at the transaction's end, elsewhere after commit. */
class NodeCacheTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final InMemoryLiveDelivery live = new InMemoryLiveDelivery();
    private final CacheHints hints = new LiveCacheHints(live);
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void stop() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        live.stop();
    }

    private String reader(long id) {
        return id + "@" + reads.incrementAndGet();
    }

    @Test
    void a_value_is_kept_while_fresh_and_read_again_once_expired() {
        NodeCache<String> kept = new NodeCache<>("test.kept", HOUR, hints);
        assertThat(kept.get(7, this::reader)).isEqualTo("7@1");
        assertThat(kept.get(7, this::reader)).isEqualTo("7@1");
        assertThat(kept.get(8, this::reader)).isEqualTo("8@2");
        assertThat(kept.read(7, this::reader)).as("read() does not use the kept value").isEqualTo("7@3");
        assertThat(kept.get(7, this::reader)).as("and keeps what it read").isEqualTo("7@3");

        NodeCache<String> expiring = new NodeCache<>("test.expiring", 0, hints);
        expiring.get(7, this::reader);
        expiring.get(7, this::reader);
        assertThat(reads).hasValue(5);
    }

    @Test
    void forgetting_in_a_transaction_forgets_here_at_once_and_again_at_its_end_and_on_the_other_nodes_after_commit() {
        NodeCache<String> here = new NodeCache<>("test.shared", HOUR, hints);
        NodeCache<String> otherNode = new NodeCache<>("test.shared", HOUR, hints);
        here.get(7, this::reader);
        otherNode.get(7, this::reader);
        assertThat(reads).hasValue(2);

        TransactionSynchronizationManager.initSynchronization();
        here.forget(7);
        assertThat(here.get(7, this::reader)).as("forgotten here at once").isEqualTo("7@3");
        assertThat(otherNode.get(7, this::reader)).as("the others keep it until the commit").isEqualTo("7@2");
        List<TransactionSynchronization> pending = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCommit(pending);
        TransactionSynchronizationUtils.invokeAfterCompletion(pending, TransactionSynchronization.STATUS_COMMITTED);

        assertThat(here.get(7, this::reader))
                .as("what was read again during the transaction (the old row) is forgotten at its end")
                .isEqualTo("7@4");
        await().atMost(Duration.ofSeconds(5)).until(() -> !otherNode.get(7, this::reader).equals("7@2"));
    }
}
