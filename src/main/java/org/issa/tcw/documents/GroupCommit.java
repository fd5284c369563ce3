package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Group commit of the editors' updates, per document (ADR 007): while one batch of a document's
 * updates is stored, the pushes that arrive for the same document wait in a queue; when it is done,
 * every waiting update is taken and stored together (one transaction, so one write and one force of
 * the database file), and each waiting push returns once its own update is handled. At most one
 * batch per document is stored at a time, by a worker thread of the document (a virtual thread,
 * started when the first update arrives and ending when the queue is empty), never by a push's own
 * request thread: so a push can return as soon as its update is handled even when handling ends
 * before the batch's commit (ADR 114: answered once ordered, acknowledged once durable), and no
 * push waits for the commit of a batch it is not in. No thread polls.
 * <p>
 * What "handled" means (ordered and delivered, stored and committed, acknowledged, or refused) is
 * up to the {@code store} function given to {@link #submit}: it gets the waiting updates in arrival
 * order and must {@link Waiting#succeed} or {@link Waiting#fail} each of them; those it leaves open
 * fail. It runs without the pushing person's security context: it must take what it needs from the
 * waiting updates.
 *
 * @param <W> the waiting update with what the store function needs
 */
final class GroupCommit<W extends GroupCommit.Waiting> {

    /** The document workers: virtual threads, named after what they do. */
    private static final java.util.concurrent.ThreadFactory WORKERS =
            Thread.ofVirtual().name("group-commit-", 0).factory();
    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(GroupCommit.class);

    /** The updates waiting per document; a document is present while its worker runs. */
    private final Map<Long, List<W>> queues = new ConcurrentHashMap<>();

    /**
     * Queues the update and returns its result once it is handled (by the document's worker, started
     * here if none runs).
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
        if (lead[0]) {
            WORKERS.newThread(() -> drain(documentId, store)).start();
        }
        waiting.signal.join();
        return waiting.outcome();
    }

    /** How many updates wait for the document's worker (tests). */
    int waiting(long documentId) {
        int[] size = {0};
        queues.computeIfPresent(documentId, (id, q) -> {
            size[0] = q.size();
            return q;
        });
        return size[0];
    }

    /** The document's worker: stores everything that waits for it, batch after batch, until nothing does. */
    private void drain(long documentId, Consumer<List<W>> store) {
        while (true) {
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
                if (e instanceof Error) {
                    logger.error("Document {}: the group commit failed", documentId, e);
                }
            } finally {
                IllegalStateException unhandled = new IllegalStateException("update left unhandled by the group commit");
                batch.forEach(w -> w.fail(unhandled));
            }
            boolean[] more = {false};
            queues.compute(documentId, (id, q) -> {
                if (q == null || q.isEmpty()) {
                    return null;
                }
                more[0] = true;
                return q;
            });
            if (!more[0]) {
                return;
            }
        }
    }

    /** One pushed update waiting to be stored; handled once. */
    abstract static class Waiting {

        /** Completed when the update is handled. */
        final CompletableFuture<@Nullable Void> signal = new CompletableFuture<>();
        volatile boolean done;
        private @Nullable PushResult result;
        private @Nullable RuntimeException failure;

        /** The update was handled (ordered, or stored and committed): its push returns {@code pushResult}. */
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
