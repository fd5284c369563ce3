package org.issa.tcw.notification;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.issa.tcw.discussion.Subscription;
import org.springframework.stereotype.Component;

/** The single-node broadcaster of notification changes; deliveries run on virtual threads. */
@Component
class InMemoryNotificationBroadcaster implements NotificationBroadcaster {

    private final Map<Long, Set<Consumer<Long>>> byPerson = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public Subscription subscribe(long personId, Consumer<Long> onChange) {
        byPerson.computeIfAbsent(personId, k -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> byPerson.computeIfPresent(personId, (k, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void publish(long personId) {
        Set<Consumer<Long>> listeners = byPerson.get(personId);
        if (listeners != null) {
            listeners.forEach(l -> executor.execute(() -> l.accept(personId)));
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
