package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.issa.tcw.base.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's way for updates (ADR 020, 114): orders the pushed updates of a document (group commit,
 * {@link GroupCommit}, ADR 007), delivers each to the other editors of this node once ordered and
 * acknowledges it to its author once durable, relays presence, and stores the server's own changes.
 * No permission checks: {@link DocumentCollaboration} makes them before it calls in.
 */
final class UpdateRelay {

    private static final Logger logger = LoggerFactory.getLogger(DocumentCollaboration.class);

    private final CollaborationRooms rooms;
    private final DocumentLog log;
    private final DocumentLocks locks;
    private final DocumentMaintenance maintenance;
    private final RateLimiter rateLimiter;
    private final CollaborationLimits limits;
    private final SuggestOnlyReplicas replicas;
    private final ClusterRooms cluster;
    private final KeystrokeTimeline timeline;
    private final GroupCommit<Pending> groupCommit = new GroupCommit<>();
    /**
     * Whether an update is delivered to the other editors once ordered, before its commit (ADR 114);
     * false: after the commit (property {@code tcw.documents.deliver-before-commit}, for comparisons).
     */
    private volatile boolean deliverBeforeCommit;

    UpdateRelay(CollaborationRooms rooms, DocumentLog log, DocumentLocks locks, DocumentMaintenance maintenance,
            RateLimiter rateLimiter, CollaborationLimits limits, SuggestOnlyReplicas replicas, ClusterRooms cluster,
            KeystrokeTimeline timeline, boolean deliverBeforeCommit) {
        this.rooms = rooms;
        this.log = log;
        this.locks = locks;
        this.maintenance = maintenance;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.replicas = replicas;
        this.cluster = cluster;
        this.timeline = timeline;
        this.deliverBeforeCommit = deliverBeforeCommit;
    }

    void deliverBeforeCommit(boolean on) {
        deliverBeforeCommit = on;
    }

    /** Queues the checked update for its document's group commit; returns once it is handled. */
    PushResult push(long documentId, Pending pending) {
        KeystrokeTimeline.mark(pending.marks, KeystrokeTimeline.Stage.CHECKED);
        return groupCommit.submit(documentId, pending, waiting -> storeTogether(documentId, waiting));
    }

    /** A push without an update: relays the editor's presence (if any). */
    PushResult presence(long documentId, EditorConnection editor, @Nullable String awarenessBase64, long clientId,
            long editorSeq) {
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            CollaborationRoom room = rooms.get(documentId);
            CollaborationRoom.Peer peer = room == null ? null : room.peers.get(editor);
            boolean reconcile = room != null && peer != null && room.lostHistory(documentId, editor, editorSeq);
            relayPresence(documentId, room, peer, editor, awarenessBase64, clientId);
            return new PushResult(-1, peer == null, reconcile);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores the updates that waited for their document together (group commit, ADR 007), under the
     * document's lock: each is checked in arrival order as a push of its own would be (size, rate,
     * suggest-only), the accepted ones are stored in one transaction, and after its commit each is
     * delivered to the other editors and acknowledged, in order. Updates of suggest-only people join
     * the batch like any other: their check runs on the replica, which is fed each accepted update
     * of the batch before it (docs/adr/025). One that would fill the document together with the
     * updates before it is stored on its own (it is checked again once they are stored).
     */
    private void storeTogether(long documentId, List<Pending> waiting) {
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            waiting.forEach(p -> KeystrokeTimeline.mark(p.marks, KeystrokeTimeline.Stage.LEADING));
            CollaborationRoom room = rooms.get(documentId);
            int next = 0;
            while (next < waiting.size()) {
                List<Pending> batch = new ArrayList<>();
                long batchBytes = 0;
                for (; next < waiting.size(); next++) {
                    Pending p = waiting.get(next);
                    if (!batch.isEmpty() && room != null
                            && room.stateBytes + room.tailBytes + batchBytes + p.update.length > limits.maxDocumentBytes()) {
                        break;
                    }
                    if (accepts(documentId, room, p, batch)) {
                        batch.add(p);
                        batchBytes += p.update.length;
                    }
                }
                store(documentId, room, batch);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: what a push checks before storing its update; false if it was refused (failed).
     * {@code before}: the accepted updates of its batch, not stored yet.
     */
    private boolean accepts(long documentId, @Nullable CollaborationRoom room, Pending p, List<Pending> before) {
        p.peer = room == null ? null : room.peers.get(p.editor);
        if (room != null && p.peer != null && room.lostHistory(documentId, p.editor, p.editorSeq)) {
            p.reconcile = true;
        }
        try {
            if (room != null && room.stateBytes + room.tailBytes + p.update.length > limits.maxDocumentBytes()) {
                throw new UserFacingException("document.limit.document-size", limits.maxDocumentBytes() / (1024 * 1024));
            }
            rateLimiter.take(p.username, p.update.length);
            if (p.limited) {
                replicas.check(documentId, room != null, p.update, p.personId,
                        before.stream().map(b -> b.update).toList());
            } else if (room != null) {
                replicas.stored(documentId, p.update); // queued: the next check sees it, nobody waits
            }
            KeystrokeTimeline.mark(p.marks, KeystrokeTimeline.Stage.ACCEPTED);
            return true;
        } catch (RuntimeException e) {
            p.fail(e);
            return false;
        }
    }

    /**
     * Under the lock: stores the batch in one transaction. Once the updates are ordered (their
     * sequence numbers assigned and written, the document row still locked) and before the commit
     * forces them to the disk, they are delivered to the other editors of this node; only after the
     * commit is each acknowledged to its author (ADR 114: acknowledged = durable, delivered = ordered).
     * If the transaction fails after that delivery, the other editors hold updates the server lacks:
     * they are asked to reconcile, i.e. to send them back (ADR 023). If a batch of several fails, each
     * is stored on its own as before, so that one bad update fails only its own push.
     */
    private void store(long documentId, @Nullable CollaborationRoom room, List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<DocumentLog.Appended> appended;
        boolean[] delivered = {false};
        boolean early = deliverBeforeCommit;
        long lastSeqBefore = room == null ? 0 : room.lastSeq;
        long deliveredSeqBefore = room == null ? 0 : room.deliveredSeq;
        try {
            appended = log.appendAll(documentId,
                    batch.stream().map(p -> new DocumentLog.Entry(p.clientUpdateId, p.update, p.personId)).toList(),
                    ordered -> {
                        batch.forEach(p -> KeystrokeTimeline.mark(p.marks, KeystrokeTimeline.Stage.ORDERED));
                        if (!early) {
                            return;
                        }
                        delivered[0] = true;
                        for (int i = 0; i < batch.size(); i++) {
                            ordered(documentId, room, batch.get(i), ordered.get(i));
                        }
                    });
        } catch (RuntimeException e) {
            replicas.drop(documentId); // it may hold an update that is not stored
            if (delivered[0] && room != null) {
                room.lastSeq = lastSeqBefore;
                room.deliveredSeq = deliveredSeqBefore;
                logger.warn("Document {}: updates delivered to the editors were not stored; asking them to "
                        + "send them back", documentId);
                room.askToReconcileNow(null);
            }
            if (batch.size() == 1) {
                batch.getFirst().fail(e);
            } else {
                // each on its own; a suggest-only update is checked again (the replica was dropped, the
                // check opens it from what is stored now), since an update before it may fail alone
                for (Pending p : batch) {
                    if (!p.limited || recheck(documentId, room, p)) {
                        store(documentId, room, List.of(p));
                    }
                }
            }
            return;
        }
        long first = Long.MAX_VALUE;
        long last = -1;
        for (int i = 0; i < batch.size(); i++) {
            KeystrokeTimeline.mark(batch.get(i).marks, KeystrokeTimeline.Stage.COMMITTED);
            if (!early) {
                ordered(documentId, room, batch.get(i), appended.get(i));
            }
            stored(documentId, room, batch.get(i), appended.get(i), batch.size());
            if (!appended.get(i).duplicate()) {
                first = Math.min(first, appended.get(i).seq());
                last = Math.max(last, appended.get(i).seq());
            }
        }
        if (last >= 0) {
            cluster.stored(documentId, first, last);
        }
    }

    /** Under the lock: the suggest-only check of an update again, alone; false if refused (failed). */
    private boolean recheck(long documentId, @Nullable CollaborationRoom room, Pending p) {
        try {
            replicas.check(documentId, room != null, p.update, p.personId, List.of());
            return true;
        } catch (RuntimeException e) {
            p.fail(e);
            return false;
        }
    }

    /**
     * Under the lock, inside the storing transaction before its commit (or after it, when delivery
     * before the commit is switched off): delivers one ordered update to the other editors and relays
     * its presence. Never throws (that would undo the store).
     */
    private void ordered(long documentId, @Nullable CollaborationRoom room, Pending p, DocumentLog.Appended appended) {
        try {
            long seq = appended.seq();
            if (!appended.duplicate() && room != null) {
                if (seq <= room.lastSeq) {
                    // the database handed out a number it had handed out before: it went back in time
                    logger.warn("Document {}: update stored as {} but {} was stored before; the database lost "
                            + "history, asking the editors to reconcile", documentId, seq, room.lastSeq);
                    p.reconcile = true;
                    room.askToReconcile(p.editor);
                }
                room.lastSeq = Math.max(room.lastSeq, seq);
                room.deliveredSeq = Math.max(room.deliveredSeq, seq);
                room.peers.keySet().forEach(other -> {
                    if (other != p.editor) {
                        try {
                            other.deliver(seq, p.updateBase64);
                        } catch (RuntimeException e) {
                            // one editor that cannot take it neither stops the others nor undoes the store
                            logger.warn("Document {}: could not hand update {} to an editor", documentId, seq, e);
                        }
                    }
                });
            }
            relayPresence(documentId, room, p.peer, p.editor, p.awarenessBase64, p.clientId);
        } catch (RuntimeException e) {
            logger.warn("Document {}: could not hand an update to the other editors", documentId, e);
        }
        KeystrokeTimeline.mark(p.marks, KeystrokeTimeline.Stage.DELIVERED);
    }

    /** Under the lock, after the commit: counts one stored update and acknowledges it. */
    private void stored(long documentId, @Nullable CollaborationRoom room, Pending p, DocumentLog.Appended appended,
            int batchSize) {
        long seq = appended.seq();
        if (!appended.duplicate() && room != null) {
            room.tailCount++;
            room.tailBytes += p.update.length;
            maintenance.edited(documentId, seq, room.tailCount, room.tailBytes);
        }
        KeystrokeTimeline.mark(p.marks, KeystrokeTimeline.Stage.ACKED);
        timeline.record(documentId, seq, batchSize, p.marks);
        p.succeed(new PushResult(seq, p.peer == null, p.reconcile));
    }

    /** Under the lock: the editor's presence, if any, to the others. */
    private void relayPresence(long documentId, @Nullable CollaborationRoom room, CollaborationRoom.@Nullable Peer peer,
            EditorConnection editor, @Nullable String awarenessBase64, long clientId) {
        if (awarenessBase64 != null && !awarenessBase64.isEmpty() && room != null && peer != null) {
            cluster.presence(documentId, clientId, awarenessBase64);
            peer.clientIds.add(clientId);
            peer.awareness = awarenessBase64;
            peer.seenAt = System.nanoTime();
            room.peers.keySet().forEach(other -> {
                if (other != editor) {
                    other.presence(awarenessBase64);
                }
            });
        }
    }

    // ---------- server-made changes (docs/adr/025) ----------

    /**
     * Under the document's lock (the caller holds it and computed {@code update} from the content it
     * read under it): stores a change computed by the server in the name of {@code authorId} and
     * delivers it to every open editor like any other update.
     */
    DocumentLog.Appended storeChange(long documentId, byte[] update, @Nullable Long authorId) {
        CollaborationRoom room = rooms.get(documentId);
        DocumentLog.Appended appended = append(documentId, null, update, authorId);
        if (room != null) {
            room.lastSeq = Math.max(room.lastSeq, appended.seq());
            room.tailCount++;
            room.tailBytes += update.length;
            replicas.stored(documentId, update);
            room.deliveredSeq = Math.max(room.deliveredSeq, appended.seq());
            String encoded = Base64.getEncoder().encodeToString(update);
            room.peers.keySet().forEach(other -> other.deliver(appended.seq(), encoded));
            maintenance.edited(documentId, appended.seq(), room.tailCount, room.tailBytes);
        }
        if (!appended.duplicate()) {
            cluster.stored(documentId, appended.seq(), appended.seq());
        }
        return appended;
    }

    /** Stores the update; if that fails, the suggest-only replica (which may hold it already) is dropped. */
    private DocumentLog.Appended append(long documentId, @Nullable String clientUpdateId, byte[] update,
            @Nullable Long authorId) {
        try {
            return log.append(documentId, clientUpdateId, update, authorId);
        } catch (RuntimeException e) {
            replicas.drop(documentId);
            throw e;
        }
    }

    /** A pushed update waiting for its document's group commit, with what its push knew and learns. */
    static final class Pending extends GroupCommit.Waiting {
        final EditorConnection editor;
        final String username;
        final @Nullable Long personId;
        final @Nullable String clientUpdateId;
        final byte[] update;
        final String updateBase64;
        final @Nullable String awarenessBase64;
        final long clientId;
        final long editorSeq;
        final boolean limited;
        /** When it passed the relay's stages ({@link KeystrokeTimeline}); null when that is off. */
        final long @Nullable [] marks;
        /** Set under the lock: the editor as this node knows it (absent: it must join again). */
        CollaborationRoom.@Nullable Peer peer;
        boolean reconcile;

        Pending(EditorConnection editor, String username, @Nullable Long personId, @Nullable String clientUpdateId,
                byte[] update, String updateBase64, @Nullable String awarenessBase64, long clientId, long editorSeq,
                boolean limited, long @Nullable [] marks) {
            this.marks = marks;
            this.editor = editor;
            this.username = username;
            this.personId = personId;
            this.clientUpdateId = clientUpdateId;
            this.update = update;
            this.updateBase64 = updateBase64;
            this.awarenessBase64 = awarenessBase64;
            this.clientId = clientId;
            this.editorSeq = editorSeq;
            this.limited = limited;
        }
    }
}
