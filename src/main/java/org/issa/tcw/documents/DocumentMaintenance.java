package org.issa.tcw.documents;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Background work on documents, off the request threads: compaction of the update log (when it
 * grows past a number of updates or bytes; at most one compaction per document at a time, in the
 * whole cluster: a database lock per document) and the
 * derived plain text and sanitized HTML (a few seconds after the last edit).
 * <p>
 * Compaction reads the compacted state and the log, lets yjs merge them (and verify that the result
 * reads back as exactly the same document), and only then, under the document's lock and in one
 * transaction, stores the new state and deletes the updates it covers. Updates that arrived
 * meanwhile have higher sequence numbers and stay in the log.
 * <p>
 * A log whose updates wait for updates the server never stored (it lost history; yjs keeps such
 * updates pending and shows nothing of them) is a fault: it is logged, compaction leaves the log as
 * it is, and the open editors are asked to send what the server lacks. The same check runs when a
 * document is opened on this node.
 */
@Component
class DocumentMaintenance implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentMaintenance.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "documents-maintenance");
        t.setDaemon(true);
        return t;
    });
    /** After compaction found a log incomplete, it is not tried again for this long (ms). */
    static final long INCOMPLETE_BACKOFF_MILLIS = 30_000;
    /** A compaction's database lock is taken over by another node after this long (its node died). */
    static final Duration COMPACTION_AT_MOST = Duration.ofMinutes(10);

    private final Set<Long> compacting = ConcurrentHashMap.newKeySet();
    /** {@link System#nanoTime()} when compaction last found a document's log incomplete. */
    private final Map<Long, Long> incompleteAt = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> renderScheduled = new ConcurrentHashMap<>();
    private final DocumentLog documentLog;
    private final YjsEngine engine;
    private final DocumentLocks locks;
    private final CollaborationLimits limits;
    private final DocumentCollaboration collaboration;
    private final LockProvider databaseLocks;
    private final DocumentDeletions deletions;

    DocumentMaintenance(DocumentLog documentLog, YjsEngine engine, DocumentLocks locks, CollaborationLimits limits,
            @Lazy DocumentCollaboration collaboration, LockProvider databaseLocks, DocumentDeletions deletions) {
        this.databaseLocks = databaseLocks;
        this.documentLog = documentLog;
        this.engine = engine;
        this.locks = locks;
        this.limits = limits;
        this.collaboration = collaboration;
        this.deletions = deletions;
    }

    /** An update was stored: compact if the log is long, else derive text and HTML soon. */
    void edited(long documentId, long seq, long tailCount, long tailBytes) {
        if (tailCount >= limits.compactAfterUpdates() || tailBytes >= limits.compactAfterBytes()) {
            compactSoon(documentId);
        } else if (renderScheduled.putIfAbsent(documentId, Boolean.TRUE) == null) {
            executor.schedule(() -> {
                renderScheduled.remove(documentId);
                renderNow(documentId);
            }, limits.renderDelayMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Starts a compaction in the background unless one is running for this document. */
    CompletableFuture<Boolean> compactSoon(long documentId) {
        Long failed = incompleteAt.get(documentId);
        if (failed != null && System.nanoTime() - failed < TimeUnit.MILLISECONDS.toNanos(INCOMPLETE_BACKOFF_MILLIS)) {
            return CompletableFuture.completedFuture(false);
        }
        if (!compacting.add(documentId)) {
            return CompletableFuture.completedFuture(false);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return compactNow(documentId);
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("missing dependencies")) {
                    incompleteAt.put(documentId, System.nanoTime());
                    log.error("Document {}: its log holds updates whose dependencies the server lost; the log is "
                            + "kept as it was and the open editors are asked for what is missing: {}", documentId,
                            e.getMessage());
                    collaboration.incomplete(documentId);
                } else {
                    log.error("Compaction of document {} failed; its log is kept as it was", documentId, e);
                }
                return false;
            } finally {
                compacting.remove(documentId);
            }
        }, executor);
    }

    /**
     * Compacts the log of a document now, on the calling thread (never a request thread), unless
     * another node (or thread) is compacting it: the claim is a database lock (ADR 101), held for
     * the whole compaction and given up after {@link #COMPACTION_AT_MOST} if its node died.
     */
    boolean compactNow(long documentId) {
        Optional<SimpleLock> claim = databaseLocks.lock(new LockConfiguration(ClockProvider.now(),
                compactionLock(documentId), COMPACTION_AT_MOST, Duration.ZERO));
        if (claim.isEmpty()) {
            log.debug("Document {} is being compacted elsewhere", documentId);
            return false;
        }
        try {
            return compactClaimed(documentId);
        } finally {
            claim.get().unlock();
        }
    }

    /** The name of the database lock that one document's compaction holds. */
    static String compactionLock(long documentId) {
        return "documents.compaction." + documentId;
    }

    private boolean compactClaimed(long documentId) {
        long started = System.nanoTime();
        DocumentLog.Content content = documentLog.content(documentId);
        if (content.tail().isEmpty()) {
            return false;
        }
        long upto = content.lastSeq();
        // who deleted what is known only while the updates are separate: read it before merging them
        // (docs/adr/091); if that fails the deletions stay "not recorded" and the log is compacted anyway
        try {
            deletions.record(documentId);
        } catch (RuntimeException e) {
            log.warn("Could not record the deletions of document {} before compacting it", documentId, e);
        }
        YjsEngine.Compaction compaction = engine.compact(content.updates()).join();
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            if (!documentLog.replace(documentId, content.stateSeq(), upto, compaction)) {
                return false;
            }
            long[] size = documentLog.logSize(documentId);
            collaboration.compacted(documentId, compaction.state().length, size[0], size[1]);
            incompleteAt.remove(documentId);
        } finally {
            lock.unlock();
        }
        log.debug("Compacted document {} up to {}: {} updates ({} bytes) -> {} bytes in {} ms", documentId, upto,
                content.tail().size(), content.bytes(), compaction.state().length,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /**
     * Checks in the background whether the stored log of a document integrates completely; if not,
     * logs the fault and asks the open editors for what the server lacks.
     */
    CompletableFuture<Boolean> checkSoon(long documentId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                YjsEngine.Check check = engine.check(documentLog.content(documentId).updates()).join();
                if (!check.complete()) {
                    log.error("Document {}: its stored log holds updates waiting for ones the server lost "
                            + "(missing {}, pending deletions {}); asking the open editors for them", documentId,
                            check.missing(), check.pendingDeletes());
                    collaboration.incomplete(documentId);
                } else {
                    incompleteAt.remove(documentId);
                }
                return check.complete();
            } catch (RuntimeException e) {
                log.warn("Could not check the log of document {}", documentId, e);
                return false;
            }
        }, executor);
    }

    /** Derives the text and HTML of the document's current content and stores them. */
    void renderNow(long documentId) {
        try {
            DocumentLog.Content content = documentLog.content(documentId);
            YjsEngine.Rendering rendering = engine.render(content.updates()).join();
            documentLog.rendered(documentId, content.lastSeq(), rendering);
        } catch (RuntimeException e) {
            log.warn("Could not derive the text of document {}", documentId, e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
