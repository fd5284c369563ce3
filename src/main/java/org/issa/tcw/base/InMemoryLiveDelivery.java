package org.issa.tcw.base;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The single-node {@link LiveDelivery}: subscribers in memory; each delivery on its own virtual
 * thread, so that the committing request never waits for the open pages (each of which takes its
 * UI's lock).
 */
@Component
class InMemoryLiveDelivery implements LiveDelivery {

    private static final Logger log = LoggerFactory.getLogger(InMemoryLiveDelivery.class);

    private record Address(String channel, Object key) {
    }

    private final Map<Address, Set<Consumer<Object>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    @SuppressWarnings("unchecked")
    public <T> Registration subscribe(Channel<T> channel, Object key, Consumer<? super T> listener) {
        Address address = new Address(channel.name(), key);
        Consumer<Object> l = (Consumer<Object>) listener;
        listeners.computeIfAbsent(address, k -> new CopyOnWriteArraySet<>()).add(l);
        return () -> listeners.computeIfPresent(address, (k, set) -> {
            set.remove(l);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public <T> void publish(Channel<T> channel, Object key, T message) {
        Address address = new Address(channel.name(), key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(address, message);
                }
            });
        } else {
            deliver(address, message);
        }
    }

    private void deliver(Address address, Object message) {
        Set<Consumer<Object>> subscribed = listeners.get(address);
        if (subscribed == null) {
            return;
        }
        for (Consumer<Object> listener : subscribed) {
            executor.execute(() -> {
                try {
                    listener.accept(message);
                } catch (RuntimeException e) {
                    log.warn("A live listener of {} failed", address.channel(), e);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
