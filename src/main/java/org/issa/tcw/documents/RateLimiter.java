package org.issa.tcw.documents;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Token buckets per person: updates per second and bytes per minute. */
@Component
class RateLimiter {

    private final Map<String, Buckets> byUser = new ConcurrentHashMap<>();
    private final CollaborationLimits limits;
    private final Clock clock;

    RateLimiter(CollaborationLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Takes one update of {@code bytes} from the person's allowance.
     *
     * @throws RateLimitedException if the allowance is used up (nothing is taken then)
     */
    void take(String username, int bytes) {
        Buckets b = byUser.computeIfAbsent(username, u -> new Buckets(limits, clock.millis()));
        long wait = b.take(bytes, clock.millis());
        if (wait > 0) {
            throw new RateLimitedException(wait);
        }
    }

    private static final class Buckets {
        private final double updateRate;
        private final double updateCapacity;
        private final double byteRate;
        private final double byteCapacity;
        private double updates;
        private double bytes;
        private long at;

        Buckets(CollaborationLimits limits, long now) {
            updateRate = limits.updatesPerSecond() / 1000.0;
            updateCapacity = limits.updatesBurst();
            byteRate = limits.bytesPerMinute() / 60_000.0;
            // a single update of the maximum size always fits
            byteCapacity = Math.max(limits.bytesPerMinute(), limits.maxUpdateBytes());
            updates = updateCapacity;
            bytes = byteCapacity;
            at = now;
        }

        synchronized long take(int size, long now) {
            long elapsed = Math.max(0, now - at);
            at = now;
            updates = Math.min(updateCapacity, updates + elapsed * updateRate);
            bytes = Math.min(byteCapacity, bytes + elapsed * byteRate);
            if (updates >= 1 && bytes >= size) {
                updates -= 1;
                bytes -= size;
                return 0;
            }
            long forUpdates = updates >= 1 ? 0 : (long) Math.ceil((1 - updates) / updateRate);
            long forBytes = bytes >= size ? 0 : (long) Math.ceil((size - bytes) / byteRate);
            return Math.max(1, Math.max(forUpdates, forBytes));
        }
    }
}
