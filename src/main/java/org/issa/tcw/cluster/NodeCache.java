package org.issa.tcw.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small read cache of one node, per id (a document's stage, its consultation rounds, its
 * suggest-only settings; ADR 101): a value is read again when it is older than the cache's expiry,
 * and a change makes every node forget it — this one at once and again when the changing
 * transaction ends (so that nobody re-reads the old row meanwhile and keeps it), the others after the
 * commit through {@link CacheHints}. If a node misses the hint, the expiry bounds how long it shows
 * the old value.
 *
 * @param <V> what is kept per id
 */
public final class NodeCache<V> {

    private record Entry<V>(V value, long readAt) {
    }

    private final String name;
    private final long expiryNanos;
    private final CacheHints hints;
    private final Map<Long, Entry<V>> entries = new ConcurrentHashMap<>();

    /** A cache named {@code name} (unique in the application) whose values expire after {@code expiryNanos}. */
    public NodeCache(String name, long expiryNanos, CacheHints hints) {
        this.name = name;
        this.expiryNanos = expiryNanos;
        this.hints = hints;
        hints.onForget(name, entries::remove);
    }

    /** The id's value: the kept one while fresh, else read by {@code reader} and kept. */
    public V get(long id, LongFunction<V> reader) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(id);
        if (e == null || now - e.readAt() >= expiryNanos) {
            e = new Entry<>(reader.apply(id), now);
            entries.put(id, e);
        }
        return e.value();
    }

    /** The id's value read by {@code reader} now, whatever is kept (and then kept). */
    public V read(long id, LongFunction<V> reader) {
        V value = reader.apply(id);
        entries.put(id, new Entry<>(value, System.nanoTime()));
        return value;
    }

    /** Every node forgets the id: this one now and when the current transaction ends, the others after its commit. */
    public void forget(long id) {
        entries.remove(id);
        hints.forget(name, id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.remove(id);
                }
            });
        }
    }
}
