package org.issa.tcw.documents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.issa.tcw.cluster.LiveDelivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Token buckets per person: updates per second and bytes per minute, for all of the person's tabs
 * together, on every node of a cluster (ADR 101).
 * <p>
 * {@link #take} decides from this node's buckets alone, in memory: a keystroke never waits for the
 * database or another node. On several nodes ({@link LiveDelivery#reachesOtherNodes()}) each node
 * reports what its people used every {@link #REPORT_MILLIS} ms as one small live message, and every
 * other node takes it from its own buckets of those people (which may go below zero: the person
 * then waits there too until the debt is refilled). So a person's sustained rate is the limit
 * across all nodes; the most a person can get beyond it, on N nodes, is what the N-1 other nodes
 * granted before hearing of each other: one burst plus one report interval's refill per other node.
 * On a single node nothing is reported and nothing is listened to.
 */
@Component
class RateLimiter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** How often a node tells the others what its people used. */
    static final long REPORT_MILLIS = 200;
    /** People per report message (a live message must stay well under 8,000 bytes). */
    static final int PEOPLE_PER_REPORT = 40;

    static final LiveDelivery.Channel<Usage> USAGE = new LiveDelivery.Channel<>("documents.rate-usage", Usage.class);
    private static final String USAGE_KEY = "all";

    private final Map<String, Buckets> byUser = new ConcurrentHashMap<>();
    /** People whose use since the last report the other nodes have not heard of yet. */
    private final Set<String> unreported = ConcurrentHashMap.newKeySet();
    private final CollaborationLimits limits;
    private final Clock clock;
    private final LiveDelivery live;
    private final boolean cluster;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final @Nullable ScheduledExecutorService reporter;
    private final LiveDelivery.Registration listening;

    RateLimiter(CollaborationLimits limits, Clock clock, LiveDelivery live) {
        this.limits = limits;
        this.clock = clock;
        this.live = live;
        this.cluster = live.reachesOtherNodes();
        if (cluster) {
            listening = live.subscribe(USAGE, USAGE_KEY, this::heard);
            ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "documents-rate-reports");
                t.setDaemon(true);
                return t;
            });
            reports.scheduleWithFixedDelay(this::reportSafely, REPORT_MILLIS, REPORT_MILLIS, TimeUnit.MILLISECONDS);
            reporter = reports;
        } else {
            listening = () -> {
            };
            reporter = null;
        }
    }

    /**
     * Takes one update of {@code bytes} from the person's allowance.
     *
     * @throws RateLimitedException if the allowance is used up (nothing is taken then)
     */
    void take(String username, int bytes) {
        long wait = buckets(username).take(bytes, clock.millis(), cluster);
        if (wait > 0) {
            throw new RateLimitedException(wait);
        }
        if (cluster) {
            unreported.add(username);
        }
    }

    /** How long the person would wait on this node for an update of {@code bytes} (0: now), taking nothing. */
    long waitFor(String username, int bytes) {
        Buckets b = byUser.get(username);
        return b == null ? 0 : b.waitFor(bytes, clock.millis());
    }

    private Buckets buckets(String username) {
        return byUser.computeIfAbsent(username, u -> new Buckets(limits, clock.millis()));
    }

    /** What this node's people used since the last report, to the other nodes; forgets full buckets. */
    void report() {
        List<Used> used = new ArrayList<>();
        for (Iterator<String> it = unreported.iterator(); it.hasNext();) {
            String username = it.next();
            it.remove();
            Buckets b = byUser.get(username);
            Used u = b == null ? null : b.drainUnreported(username);
            if (u != null) {
                used.add(u);
            }
            if (used.size() == PEOPLE_PER_REPORT) {
                live.publish(USAGE, USAGE_KEY, new Usage(node, List.copyOf(used)));
                used.clear();
            }
        }
        if (!used.isEmpty()) {
            live.publish(USAGE, USAGE_KEY, new Usage(node, used));
        }
        long now = clock.millis();
        // a full bucket is the same as none: forget it (memory stays with the people typing now)
        byUser.entrySet().removeIf(e -> e.getValue().full(now) && !unreported.contains(e.getKey()));
    }

    private void reportSafely() {
        try {
            report();
        } catch (RuntimeException e) {
            log.warn("Could not tell the other nodes what people typed; they count it when it is reported", e);
        }
    }

    /** Another node's people used this much: take it from their buckets here. */
    private void heard(Usage usage) {
        if (node.equals(usage.node())) {
            return;
        }
        long now = clock.millis();
        for (Used u : usage.used()) {
            buckets(u.username()).charge(u.updates(), u.bytes(), now);
        }
    }

    @Override
    public void destroy() {
        listening.cancel();
        if (reporter != null) {
            reporter.shutdownNow();
        }
    }

    /** What one node's people used since its last report. */
    record Usage(String node, List<Used> used) {
    }

    /** What one person used on the reporting node: updates and their bytes. */
    record Used(String username, int updates, long bytes) {
    }

    private static final class Buckets {
        private final double updateRate;
        private final double updateCapacity;
        private final double byteRate;
        private final double byteCapacity;
        private double updates;
        private double bytes;
        private long at;
        private int unreportedUpdates;
        private long unreportedBytes;

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

        private void refill(long now) {
            long elapsed = Math.max(0, now - at);
            at = Math.max(at, now);
            updates = Math.min(updateCapacity, updates + elapsed * updateRate);
            bytes = Math.min(byteCapacity, bytes + elapsed * byteRate);
        }

        synchronized long take(int size, long now, boolean toReport) {
            refill(now);
            long wait = waitAfterRefill(size);
            if (wait == 0) {
                updates -= 1;
                bytes -= size;
                if (toReport) {
                    unreportedUpdates++;
                    unreportedBytes += size;
                }
            }
            return wait;
        }

        synchronized long waitFor(int size, long now) {
            refill(now);
            return waitAfterRefill(size);
        }

        private long waitAfterRefill(int size) {
            if (updates >= 1 && bytes >= size) {
                return 0;
            }
            long forUpdates = updates >= 1 ? 0 : (long) Math.ceil((1 - updates) / updateRate);
            long forBytes = bytes >= size ? 0 : (long) Math.ceil((size - bytes) / byteRate);
            return Math.max(1, Math.max(forUpdates, forBytes));
        }

        /** Use reported by another node: taken even below zero (a debt that the refill pays off). */
        synchronized void charge(int usedUpdates, long usedBytes, long now) {
            refill(now);
            updates -= usedUpdates;
            bytes -= usedBytes;
        }

        synchronized @Nullable Used drainUnreported(String username) {
            if (unreportedUpdates == 0) {
                return null;
            }
            Used u = new Used(username, unreportedUpdates, unreportedBytes);
            unreportedUpdates = 0;
            unreportedBytes = 0;
            return u;
        }

        synchronized boolean full(long now) {
            refill(now);
            return updates >= updateCapacity && bytes >= byteCapacity && unreportedUpdates == 0;
        }
    }
}
