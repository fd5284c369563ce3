package org.issa.tcw.cluster;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of this node that listen to live messages, by channel and key. Each delivery runs on
 * its own virtual thread, so that whoever delivers (the committing request, or the listener of
 * another node's messages) never waits for the pages, each of which takes its UI's lock. Used by
 * both implementations of {@link LiveDelivery}.
 */
final class LocalSubscribers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSubscribers.class);

    private record Address(String channel, Object key) {
    }

    private final Map<Address, Set<Consumer<Object>>> listeners = new ConcurrentHashMap<>();
    private final Set<Runnable> resumeListeners = new CopyOnWriteArraySet<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @SuppressWarnings("unchecked")
    <T> LiveDelivery.Registration subscribe(LiveDelivery.Channel<T> channel, Object key,
            Consumer<? super T> listener) {
        Address address = new Address(channel.name(), key);
        Consumer<Object> l = (Consumer<Object>) listener;
        listeners.computeIfAbsent(address, k -> new CopyOnWriteArraySet<>()).add(l);
        return () -> listeners.computeIfPresent(address, (k, set) -> {
            set.remove(l);
            return set.isEmpty() ? null : set;
        });
    }

    LiveDelivery.Registration onResume(Runnable listener) {
        Runnable own = () -> listener.run();
        resumeListeners.add(own);
        return () -> resumeListeners.remove(own);
    }

    /**
     * How many subscriptions this node holds (messages and resumes). Each is a listener that
     * reaches into a page and keeps its UI reachable, so a closed page must have cancelled all of
     * its own (the tests of ADR 112 count them).
     */
    int size() {
        return listeners.values().stream().mapToInt(Set::size).sum() + resumeListeners.size();
    }

    /** Whether a page of this node listens to {@code key} on {@code channel}. */
    boolean listens(String channel, Object key) {
        return listeners.containsKey(new Address(channel, key));
    }

    void deliver(String channel, Object key, Object message) {
        Set<Consumer<Object>> subscribed = listeners.get(new Address(channel, key));
        if (subscribed == null) {
            return;
        }
        for (Consumer<Object> listener : subscribed) {
            executor.execute(() -> {
                try {
                    listener.accept(message);
                } catch (RuntimeException e) {
                    log.warn("A live listener of {} failed", channel, e);
                }
            });
        }
    }

    /** Tells every page that listens for a resume that it may have missed messages. */
    void resumed() {
        for (Runnable listener : resumeListeners) {
            executor.execute(() -> {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.warn("A live resume listener failed", e);
                }
            });
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
