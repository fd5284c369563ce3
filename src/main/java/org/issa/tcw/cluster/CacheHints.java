package org.issa.tcw.cluster;

import java.util.function.LongConsumer;

/**
 * "Forget what you read about this id" for the small read caches that features keep per node (a
 * document's stage, its consultation rounds, its suggest-only settings; ADR 101). A feature
 * registers how its cache forgets ({@link #onForget}) and calls {@link #forget} where it changes
 * what the cache holds: after the transaction commits, every node, this one included, forgets the
 * id. If a node misses the hint (its link to the others was cut), the cache's own short expiry
 * still bounds how long it shows the old value. Hints carry a cache name and an id, no data.
 */
public interface CacheHints {

    /** What {@code cache} (a name unique in the application) does when an id is to be forgotten. */
    LiveDelivery.Registration onForget(String cache, LongConsumer forget);

    /** Every node's {@code cache} forgets {@code id}, after the current transaction commits. */
    void forget(String cache, long id);
}
