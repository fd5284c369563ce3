package org.issa.tcw.cluster;

import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/** {@link CacheHints} on the application's {@link LiveDelivery}: one channel, keyed by the cache's name. */
@Component
class LiveCacheHints implements CacheHints {

    private static final LiveDelivery.Channel<Forget> FORGET = new LiveDelivery.Channel<>("cluster.forget", Forget.class);

    private final LiveDelivery live;

    LiveCacheHints(LiveDelivery live) {
        this.live = live;
    }

    @Override
    public LiveDelivery.Registration onForget(String cache, LongConsumer forget) {
        return live.subscribe(FORGET, cache, (Forget f) -> forget.accept(f.id()));
    }

    @Override
    public void forget(String cache, long id) {
        live.publish(FORGET, cache, new Forget(id));
    }

    /** The id to forget. */
    record Forget(long id) {
    }
}
