package org.issa.tcw.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The one live-delivery mechanism: by channel and key, only after commit, never after a roll-back. */
class InMemoryLiveDeliveryTest {

    private static final LiveDelivery.Channel<String> A = new LiveDelivery.Channel<>("test.a", String.class);
    private static final LiveDelivery.Channel<String> B = new LiveDelivery.Channel<>("test.b", String.class);

    private final InMemoryLiveDelivery live = new InMemoryLiveDelivery();
    private final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        live.stop();
    }

    @Test
    void delivers_to_the_subscribers_of_its_channel_and_key_only() {
        live.subscribe(A, 1L, received::add);
        live.subscribe(B, 1L, m -> received.add("wrong channel"));
        live.subscribe(A, 2L, m -> received.add("wrong key"));
        live.publish(A, 1L, "hello");
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("hello"));
        live.publish(A, 3L, "nobody");
        assertThat(received).containsExactly("hello");
    }

    @Test
    void inside_a_transaction_delivers_after_commit_and_never_after_a_roll_back() {
        live.subscribe(A, 1L, received::add);
        TransactionSynchronizationManager.initSynchronization();
        live.publish(A, 1L, "committed");
        assertThat(received).as("not before commit").isEmpty();
        List<TransactionSynchronization> pending = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCommit(pending);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("committed"));

        TransactionSynchronizationManager.initSynchronization();
        live.publish(A, 1L, "rolled back");
        pending = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(pending, TransactionSynchronization.STATUS_ROLLED_BACK);
        live.publish(A, 1L, "marker");
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("marker"));
        assertThat(received).doesNotContain("rolled back");
    }

    @Test
    void a_cancelled_subscription_receives_nothing_and_a_failing_listener_does_not_stop_the_others() {
        LiveDelivery.Registration gone = live.subscribe(A, 1L, m -> received.add("cancelled"));
        live.subscribe(A, 1L, m -> {
            throw new IllegalStateException("boom");
        });
        live.subscribe(A, 1L, received::add);
        gone.cancel();
        live.publish(A, 1L, "after");
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("after"));
        assertThat(received).doesNotContain("cancelled");
    }
}
