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

    /** One update's stages, in wall-clock milliseconds (0: not passed). */
    record Entry(long documentId, long seq, int batchSize, double[] at) {
    }

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
        long[] marks = new long[Stage.values().length];
        marks[Stage.RECEIVED.ordinal()] = System.nanoTime();
        return marks;
    }

    static void mark(long @org.jspecify.annotations.Nullable [] marks, Stage stage) {
        if (marks != null) {
            marks[stage.ordinal()] = System.nanoTime();
        }
    }

    /** Keeps the update's marks (the oldest are dropped beyond {@value #KEPT}). */
    void record(long documentId, long seq, int batchSize, long @org.jspecify.annotations.Nullable [] marks) {
        if (marks == null || !on) {
            return;
        }
        double[] at = new double[marks.length];
        for (int i = 0; i < marks.length; i++) {
            at[i] = marks[i] == 0 ? 0 : originMillis + (marks[i] - originNanos) / 1e6;
        }
        synchronized (entries) {
            entries.addLast(new Entry(documentId, seq, batchSize, at));
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
