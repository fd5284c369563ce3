package org.issa.tcw.documents;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where the relay's time goes for each stored update (ADR 114): the moments a push passed the
 * stages of {@link DocumentCollaboration}, kept for the last {@value #KEPT} updates while switched
 * on (property {@code tcw.documents.timeline=true}, or {@link #switchOn()} by a benchmark). Off, a
 * stage costs one read of a volatile field and nothing is allocated. Times are wall-clock
 * milliseconds (the Clock's instant at creation plus {@link System#nanoTime()} since), so that a
 * benchmark can line them up with a browser's {@code performance.timeOrigin + performance.now()}
 * on the same machine, joined by the document and the sequence number.
 */
final class KeystrokeTimeline {

    /** The stages of one update on the server, in the order it passes them. */
    enum Stage {
        /** The push entered the relay. */
        RECEIVED,
        /** Stage, permission and suggest-only decisions made; queued for the group commit. */
        CHECKED,
        /** Its group commit started: under the document's lock. */
        LEADING,
        /** Size, rate and suggest-only replica checks passed. */
        ACCEPTED,
        /** Sequence number assigned and written, not yet committed. */
        ORDERED,
        /** Handed to the other editors of this node (ADR 114: before the commit). */
        DELIVERED,
        /** The transaction committed (forced to the disk). */
        COMMITTED,
        /** Acknowledged: the push returns to its author. */
        ACKED
    }

    static final int KEPT = 20_000;

    /**
     * One update's stages, in wall-clock milliseconds (0: not passed), and the CPU time the pushing
     * thread spent from {@link Stage#RECEIVED} to {@link Stage#CHECKED} (ms; -1: not measured). That
     * CPU time does not depend on the machine's load, unlike the wall-clock stages: it tells work
     * done from time spent waiting (for a connection, a lock, the CPU).
     */
    record Entry(long documentId, long seq, int batchSize, double[] at, double checkCpuMillis) {
        Entry(long documentId, long seq, int batchSize, double[] at) {
            this(documentId, seq, batchSize, at, -1);
        }
    }

    private static final int STAGES = Stage.values().length;
    /** Where the marks keep the thread's CPU time at {@link Stage#RECEIVED} and at {@link Stage#CHECKED}. */
    private static final int CPU_RECEIVED = STAGES;
    private static final int CPU_CHECKED = STAGES + 1;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private volatile boolean on;
    private final double originMillis;
    private final long originNanos;
    private final Deque<Entry> entries = new ArrayDeque<>();

    KeystrokeTimeline(Clock clock, boolean on) {
        this.originNanos = System.nanoTime();
        java.time.Instant origin = clock.instant();
        this.originMillis = origin.getEpochSecond() * 1000.0 + origin.getNano() / 1e6;
        this.on = on;
    }

    boolean on() {
        return on;
    }

    void switchOn() {
        on = true;
    }

    void switchOff() {
        on = false;
    }

    /** A new set of marks for one update, or null when off. */
    long @org.jspecify.annotations.Nullable [] start() {
        if (!on) {
            return null;
        }
        long[] marks = new long[STAGES + 2];
        marks[CPU_RECEIVED] = threadCpuNanos();
        marks[Stage.RECEIVED.ordinal()] = System.nanoTime();
        return marks;
    }

    static void mark(long @org.jspecify.annotations.Nullable [] marks, Stage stage) {
        if (marks != null) {
            marks[stage.ordinal()] = System.nanoTime();
            if (stage == Stage.CHECKED && marks.length > CPU_CHECKED) {
                marks[CPU_CHECKED] = threadCpuNanos();
            }
        }
    }

    /** The current thread's CPU time (ns), or -1 where the JVM does not measure it. */
    private static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Keeps the update's marks (the oldest are dropped beyond {@value #KEPT}). */
    void record(long documentId, long seq, int batchSize, long @org.jspecify.annotations.Nullable [] marks) {
        if (marks == null || !on) {
            return;
        }
        double[] at = new double[STAGES];
        for (int i = 0; i < STAGES; i++) {
            at[i] = marks[i] == 0 ? 0 : originMillis + (marks[i] - originNanos) / 1e6;
        }
        double cpu = marks.length > CPU_CHECKED && marks[CPU_RECEIVED] >= 0 && marks[CPU_CHECKED] > 0
                ? (marks[CPU_CHECKED] - marks[CPU_RECEIVED]) / 1e6 : -1;
        synchronized (entries) {
            entries.addLast(new Entry(documentId, seq, batchSize, at, cpu));
            while (entries.size() > KEPT) {
                entries.removeFirst();
            }
        }
    }

    /** What was recorded for the document, oldest first. */
    List<Entry> of(long documentId) {
        synchronized (entries) {
            List<Entry> list = new ArrayList<>();
            for (Entry e : entries) {
                if (e.documentId() == documentId) {
                    list.add(e);
                }
            }
            return list;
        }
    }
}
