package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Group commit of the editors' updates, per document (ADR 007): while one push stores its
 * document's updates, the pushes that arrive for the same document wait in a queue; when it is
 * done, the first of them takes every waiting update and stores them together (one transaction,
 * so one write and one force of the database file), and each waiting push returns once its own
 * update is handled. At most one push per document stores at a time (the leader); it hands the
 * lead to the first waiting push when it is done, so nobody waits for more than the batch ahead
 * of it and the one it is in, and no thread polls.
 * <p>
 * What "handled" means (stored, committed, delivered, acknowledged, or refused) is up to the
 * {@code store} function given to {@link #submit}: it gets the waiting updates in arrival order
 * and must {@link Waiting#succeed} or {@link Waiting#fail} each of them; those it leaves open fail.
 *
 * @param <W> the waiting update with what the store function needs
 */
final class GroupCommit<W extends GroupCommit.Waiting> {

    /** The updates waiting per document; a document is present while a push leads it. */
    private final Map<Long, List<W>> queues = new ConcurrentHashMap<>();

    /**
     * Queues the update and returns its result once it is handled (by this thread, if it leads, or
     * by the push ahead of it).
     *
     * @throws RuntimeException what {@code store} failed the update with
     */
    PushResult submit(long documentId, W waiting, Consumer<List<W>> store) {
        boolean[] lead = {false};
        queues.compute(documentId, (id, queue) -> {
            List<W> q = queue;
            if (q == null) {
                q = new ArrayList<>();
                lead[0] = true;
            }
            q.add(waiting);
            return q;
        });
        if (!lead[0]) {
            waiting.signal.join(); // handled, or told to lead
        }
        if (!waiting.done) {
            lead(documentId, store);
        }
        return waiting.outcome();
    }

    /** How many updates wait for the document's current leader (tests). */
    int waiting(long documentId) {
        int[] size = {0};
        queues.computeIfPresent(documentId, (id, q) -> {
            size[0] = q.size();
            return q;
        });
        return size[0];
    }

    /** Stores everything that waits for the document, then hands the lead on (or ends it). */
    private void lead(long documentId, Consumer<List<W>> store) {
        List<W> batch = new ArrayList<>();
        try {
            queues.computeIfPresent(documentId, (id, q) -> {
                batch.addAll(q);
                q.clear();
                return q;
            });
            store.accept(batch);
        } catch (RuntimeException | Error e) {
            RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            batch.forEach(w -> w.fail(failure));
            throw e;
        } finally {
            IllegalStateException unhandled = new IllegalStateException("update left unhandled by the group commit");
            batch.forEach(w -> w.fail(unhandled));
            List<W> next = new ArrayList<>(1);
            queues.compute(documentId, (id, q) -> {
                if (q == null || q.isEmpty()) {
                    return null;
                }
                next.add(q.getFirst());
                return q;
            });
            next.forEach(w -> w.signal.complete(null));
        }
    }

    /** One pushed update waiting to be stored; handled once. */
    abstract static class Waiting {

        /** Completed when the update is handled or its push is to lead. */
        final CompletableFuture<@Nullable Void> signal = new CompletableFuture<>();
        volatile boolean done;
        private @Nullable PushResult result;
        private @Nullable RuntimeException failure;

        /** The update was stored (after the commit) and handled: its push returns {@code pushResult}. */
        void succeed(PushResult pushResult) {
            if (!done) {
                result = pushResult;
                done = true;
                signal.complete(null);
            }
        }

        /** The update was refused or could not be stored: its push throws {@code e}. */
        void fail(RuntimeException e) {
            if (!done) {
                failure = e;
                done = true;
                signal.complete(null);
            }
        }

        PushResult outcome() {
            if (failure != null) {
                throw failure;
            }
            return java.util.Objects.requireNonNull(result);
        }
    }
}
