package org.issa.tcw.cluster;

import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * "Forget what you read about this id" for the small read caches that features keep per node (a
 * document's stage, its consultation rounds, its suggest-only settings; ADR 101). A feature
 * registers how its cache forgets ({@link #onForget}) and calls {@link #forget} where it changes
 * what the cache holds: after the transaction commits, every node, this one included, forgets the
 * id. If a node misses the hint (its link to the others was cut), the cache's own short expiry
 * still bounds how long it shows the old value.
 */
@Component
public class CacheHints {

    private static final LiveDelivery.Channel<Forget> FORGET = new LiveDelivery.Channel<>("cluster.forget", Forget.class);

    private final LiveDelivery live;

    CacheHints(LiveDelivery live) {
        this.live = live;
    }

    /** What {@code cache} (a name unique in the application) does when an id is to be forgotten. */
    public LiveDelivery.Registration onForget(String cache, LongConsumer forget) {
        return live.subscribe(FORGET, cache, (Forget f) -> forget.accept(f.id()));
    }

    /** Every node's {@code cache} forgets {@code id}, after the current transaction commits. */
    public void forget(String cache, long id) {
        live.publish(FORGET, cache, new Forget(id));
    }

    /** The id to forget. */
    record Forget(long id) {
    }
}
