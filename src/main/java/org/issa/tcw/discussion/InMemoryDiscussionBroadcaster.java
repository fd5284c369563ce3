package org.issa.tcw.discussion;

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

/**
 * The single-node broadcaster: subscribers in memory, each delivery on its own virtual thread so
 * that the committing request never waits for the open views (each of which takes its UI's lock).
 */
@Component
class InMemoryDiscussionBroadcaster implements DiscussionBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(InMemoryDiscussionBroadcaster.class);

    private final Map<Long, Set<Consumer<DiscussionSignal>>> byThread = new ConcurrentHashMap<>();
    private final Map<Long, Set<Consumer<DiscussionSignal>>> byCommission = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public Subscription subscribeThread(long threadId, Consumer<DiscussionSignal> listener) {
        return subscribe(byThread, threadId, listener);
    }

    @Override
    public Subscription subscribeCommission(long commissionId, Consumer<DiscussionSignal> listener) {
        return subscribe(byCommission, commissionId, listener);
    }

    @Override
    public void publish(DiscussionSignal signal) {
        deliver(byThread.get(signal.threadId()), signal);
        deliver(byCommission.get(signal.commissionId()), signal);
    }

    private void deliver(Set<Consumer<DiscussionSignal>> listeners, DiscussionSignal signal) {
        if (listeners == null) {
            return;
        }
        for (Consumer<DiscussionSignal> listener : listeners) {
            executor.execute(() -> {
                try {
                    listener.accept(signal);
                } catch (RuntimeException e) {
                    log.warn("A discussion listener failed", e);
                }
            });
        }
    }

    private static Subscription subscribe(Map<Long, Set<Consumer<DiscussionSignal>>> map, long key,
            Consumer<DiscussionSignal> listener) {
        map.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> map.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
