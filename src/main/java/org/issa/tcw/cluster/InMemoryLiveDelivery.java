package org.issa.tcw.cluster;

import jakarta.annotation.PreDestroy;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The single-node {@link LiveDelivery} (the default, {@code tcw.cluster.bus=in-process}):
 * subscribers in memory, messages handed to them after the publishing transaction commits. It
 * never misses a message, so it never calls the resume listeners.
 */
@Component
@ConditionalOnProperty(name = "tcw.cluster.bus", havingValue = "in-process", matchIfMissing = true)
class InMemoryLiveDelivery implements LiveDelivery {

    private final LocalSubscribers local = new LocalSubscribers();

    @Override
    public <T> Registration subscribe(Channel<T> channel, Object key, Consumer<? super T> listener) {
        return local.subscribe(channel, key, listener);
    }

    @Override
    public Registration onResume(Runnable listener) {
        return local.onResume(listener);
    }

    @Override
    public <T> void publish(Channel<T> channel, Object key, T message) {
        afterCommit(() -> local.deliver(channel.name(), key, message));
    }

    /** How many subscriptions the pages of this node hold (for the tests that closed pages release theirs). */
    int subscriptions() {
        return local.size();
    }

    /** Runs {@code action} after the current transaction commits (never if it rolls back), or at once without one. */
    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    @PreDestroy
    void stop() {
        local.close();
    }
}
