package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The collaboration relay: orders the opaque Yjs updates of a document (one sequence number per
 * document, assigned in the transaction that stores the update), acknowledges an update only after
 * that transaction committed, de-duplicates resends by their client-chosen id, and delivers every
 * update to the other open editors in sequence order. Presence is relayed and never stored.
 * <p>
 * Sequence numbers order updates and let editors repair gaps; they are never a reason to drop an
 * update (Yjs updates are idempotent). When the server has lost history (a restore from backup, a
 * failover to a lagging replica, a crash before the database wrote a commit), editors and server
 * reconcile by Yjs state vectors: an editor that joins pushes what the server's state lacks; an
 * editor whose last sequence number is above the server's is told to reconcile, and so is every
 * other editor of the document; and a log whose updates wait for missing ones (pending structures,
 * found when a document is opened or compacted) makes the relay ask every open editor for what it
 * lacks. See docs/adr/023-self-healing-by-state-vectors.md.
 * <p>
 * Every call checks the caller's permission again: reading the document ({@link CommissionAction#READ})
 * to join, catch up and show presence, editing drafts ({@link CommissionAction#EDIT_DRAFT}) to change it.
 * Not transactional itself: each store is its own transaction in {@link DocumentLog}, so it has
 * committed before anything is acknowledged or delivered. The updates that arrive for a document
 * while it stores one wait and are then stored together, in arrival order, in one transaction
 * (group commit, {@link GroupCommit}, ADR 007): one forced write of the database file for all of them.
 */
@Service
public class DocumentCollaboration {

    static final String[] COLORS = PresenceColors.ALL.toArray(String[]::new);
    /** Presence of an editor not heard from for this long is not handed to joiners. */
    static final long PRESENCE_TTL_MILLIS = 30_000;
    /** The editors of a document are asked to reconcile at most this often. */
    static final long RECONCILE_INTERVAL_MILLIS = 2_000;

    private static final Logger logger = LoggerFactory.getLogger(DocumentCollaboration.class);

    private final DocumentLog log;
    private final DocumentRepository documents;
    private final DocumentLocks locks;
    private final DocumentMaintenance maintenance;
    private final CommissionAccess access;
    private final CurrentUser currentUser;
    private final RateLimiter rateLimiter;
    private final CollaborationLimits limits;
    private final org.springframework.beans.factory.ObjectProvider<SuggestOnlyPolicy> suggestOnlyPolicy;
    private final SuggestOnlyReplicas replicas;
    private final DocumentAccess documentAccess;
    private final org.springframework.beans.factory.ObjectProvider<StageEditing> stageEditing;
    private final ClusterRooms cluster;
    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();
    private final GroupCommit<Pending> groupCommit = new GroupCommit<>();
    private final KeystrokeTimeline timeline;
    /**
     * Whether an update is delivered to the other editors once ordered, before its commit (ADR 114);
     * false: after the commit, as before (property {@code tcw.documents.deliver-before-commit}, for
     * comparisons).
     */
    private volatile boolean deliverBeforeCommit;

    DocumentCollaboration(DocumentLog log, DocumentRepository documents, DocumentLocks locks,
            DocumentMaintenance maintenance, CommissionAccess access, CurrentUser currentUser, RateLimiter rateLimiter,
            CollaborationLimits limits,
            org.springframework.beans.factory.ObjectProvider<SuggestOnlyPolicy> suggestOnlyPolicy,
            SuggestOnlyReplicas replicas, DocumentAccess documentAccess,
            org.springframework.beans.factory.ObjectProvider<StageEditing> stageEditing, ClusterRooms cluster,
            java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${tcw.documents.timeline:false}") boolean timeline,
            @org.springframework.beans.factory.annotation.Value("${tcw.documents.deliver-before-commit:true}")
            boolean deliverBeforeCommit) {
        this.timeline = new KeystrokeTimeline(clock, timeline);
        this.deliverBeforeCommit = deliverBeforeCommit;
        this.documentAccess = documentAccess;
        this.cluster = cluster;
        this.suggestOnlyPolicy = suggestOnlyPolicy;
        this.stageEditing = stageEditing;
        this.replicas = replicas;
        this.log = log;
        this.documents = documents;
        this.locks = locks;
        this.maintenance = maintenance;
        this.access = access;
        this.currentUser = currentUser;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    /**
     * Opens a document in an editor: atomically reads its content and subscribes the editor, so that
     * no update falls between the two.
     *
     * @throws AccessDeniedException if the signed-in person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public JoinResult join(long documentId, EditorConnection editor) {
        SignedInUser user = currentUser.require();
        Long commissionId = commissionOf(documentId);
        require(CommissionAction.READ, documentId, commissionId);
        StageEditing.Mode mode = stageMode(documentId);
        boolean limited = mode != StageEditing.Mode.CLOSED && (suggestOnly(documentId, commissionId, mode)
                || suggestOnlyByGrant(documentId, commissionId));
        boolean editable = mode != StageEditing.Mode.CLOSED
                && (limited || may(CommissionAction.EDIT_DRAFT, documentId, commissionId));
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            DocumentLog.Content content = log.content(documentId);
            Room room = rooms.computeIfAbsent(documentId, id -> new Room(commissionId));
            if (room.peers.isEmpty()) {
                room.tailCount = content.tail().size();
                room.tailBytes = content.bytes();
                room.stateBytes = content.state() == null ? 0 : content.state().length;
                room.lastSeq = content.lastSeq();
                room.deliveredSeq = content.lastSeq();
                // the document was just opened on this node: does its stored log integrate? (off this thread)
                maintenance.checkSoon(documentId);
                cluster.opened(documentId, this::remote);
            }
            room.lastSeq = Math.max(room.lastSeq, content.lastSeq());
            Peer previous = room.peers.get(editor);
            Peer peer = new Peer(user.username(), room.colorFor(user.username(), editor), editable);
            if (previous != null) {
                peer.clientIds.addAll(previous.clientIds);
            }
            room.peers.put(editor, peer);
            List<String> presence = new ArrayList<>();
            long now = System.nanoTime();
            room.peers.forEach((other, p) -> {
                if (other != editor && p.awareness != null && now - p.seenAt < PRESENCE_TTL_MILLIS * 1_000_000) {
                    presence.add(p.awareness);
                }
            });
            room.remotePresence.values().forEach(p -> {
                if (now - p.seenAt() < PRESENCE_TTL_MILLIS * 1_000_000) {
                    presence.add(p.awareness());
                }
            });
            return new JoinResult(content.lastSeq(), encode(content.updates()), presence, editable, peer.color,
                    limited);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores one update of the editor (if any) and relays its presence (if any). Safe to repeat with
     * the same {@code clientUpdateId}: a resend is answered with the sequence number the update got
     * the first time and is not stored or delivered again.
     *
     * @param clientUpdateId an id the editor chose for this update (up to 64 characters)
     * @throws AccessDeniedException if the person may not edit (an update) or read (presence) the document
     * @throws UserFacingException   if the update is too large or the document is full
     * @throws RateLimitedException  if the person sends too much too fast
     */
    @PreAuthorize("isAuthenticated()")
    public PushResult push(long documentId, EditorConnection editor, @Nullable String clientUpdateId,
            @Nullable String updateBase64, @Nullable String awarenessBase64, long clientId) {
        return push(documentId, editor, clientUpdateId, updateBase64, awarenessBase64, clientId, -1);
    }

    /**
     * As {@link #push(long, EditorConnection, String, String, String, long)}, with the last sequence
     * number the editor has seen ({@code -1}: not told). One above the server's own means that the
     * server lost history: the answer tells the editor to reconcile, and every other editor of the
     * document is asked to as well. The update itself is stored as usual.
     */
    @PreAuthorize("isAuthenticated()")
    public PushResult push(long documentId, EditorConnection editor, @Nullable String clientUpdateId,
            @Nullable String updateBase64, @Nullable String awarenessBase64, long clientId, long editorSeq) {
        long @Nullable [] marks = timeline.start();
        SignedInUser user = currentUser.require();
        Long commissionId = commissionOf(documentId);
        byte[] update = updateBase64 == null || updateBase64.isEmpty() ? null : decode(updateBase64);
        boolean limited = false;
        if (update != null) {
            StageEditing.Mode mode = stageMode(documentId);
            if (mode == StageEditing.Mode.CLOSED) {
                require(CommissionAction.READ, documentId, commissionId);
                throw new UserFacingException("document.refused.closed");
            }
            // a participant suggest-only by a grant (a consultation round) must still be allowed to
            // comment now: after the round's deadline their suggestions are refused too
            boolean byGrant = suggestOnlyByGrant(documentId, commissionId);
            limited = byGrant || suggestOnly(documentId, commissionId, mode);
            require(byGrant ? CommissionAction.COMMENT_DRAFT : limited ? CommissionAction.READ
                    : CommissionAction.EDIT_DRAFT, documentId, commissionId);
            if (clientUpdateId != null && (clientUpdateId.isBlank() || clientUpdateId.length() > 64)) {
                throw new UserFacingException("document.update.invalid");
            }
            if (update.length > limits.maxUpdateBytes()) {
                throw new UserFacingException("document.limit.update-size", limits.maxUpdateBytes() / (1024 * 1024));
            }
        } else {
            require(CommissionAction.READ, documentId, commissionId);
        }
        if (update != null) {
            Pending pending = new Pending(editor, user.username(), user.personId(), clientUpdateId, update,
                    java.util.Objects.requireNonNull(updateBase64), awarenessBase64, clientId, editorSeq, limited, marks);
            KeystrokeTimeline.mark(marks, KeystrokeTimeline.Stage.CHECKED);
            return groupCommit.submit(documentId, pending, waiting -> storeTogether(documentId, waiting));
        }
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            Room room = rooms.get(documentId);
            Peer peer = room == null ? null : room.peers.get(editor);
            boolean reconcile = room != null && peer != null && lostHistory(documentId, room, editor, editorSeq);
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
            Room room = rooms.get(documentId);
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
    private boolean accepts(long documentId, @Nullable Room room, Pending p, List<Pending> before) {
        p.peer = room == null ? null : room.peers.get(p.editor);
        if (room != null && p.peer != null && lostHistory(documentId, room, p.editor, p.editorSeq)) {
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
    private void store(long documentId, @Nullable Room room, List<Pending> batch) {
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
                room.reconcileAskedAt = System.nanoTime() - RECONCILE_INTERVAL_MILLIS * 1_000_000;
                askToReconcile(room, null);
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
    private boolean recheck(long documentId, @Nullable Room room, Pending p) {
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
    private void ordered(long documentId, @Nullable Room room, Pending p, DocumentLog.Appended appended) {
        try {
            long seq = appended.seq();
            if (!appended.duplicate() && room != null) {
                if (seq <= room.lastSeq) {
                    // the database handed out a number it had handed out before: it went back in time
                    logger.warn("Document {}: update stored as {} but {} was stored before; the database lost "
                            + "history, asking the editors to reconcile", documentId, seq, room.lastSeq);
                    p.reconcile = true;
                    askToReconcile(room, p.editor);
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
    private void stored(long documentId, @Nullable Room room, Pending p, DocumentLog.Appended appended,
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

    /** Under the lock: whether the editor has seen more than the server stored (then asks to reconcile). */
    private static boolean lostHistory(long documentId, Room room, EditorConnection editor, long editorSeq) {
        if (editorSeq <= room.lastSeq) {
            return false;
        }
        logger.warn("Document {}: an editor has seen update {} but the server's log ends at {}; "
                + "the server lost history, asking the editors to reconcile", documentId, editorSeq, room.lastSeq);
        askToReconcile(room, editor);
        return true;
    }

    /** Under the lock: the editor's presence, if any, to the others. */
    private void relayPresence(long documentId, @Nullable Room room, @Nullable Peer peer, EditorConnection editor,
            @Nullable String awarenessBase64, long clientId) {
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

    /**
     * The editor holds updates that wait for others it never received (Yjs pending structures):
     * every other open editor is asked to reconcile, i.e. to send what the server lacks.
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public void missing(long documentId, EditorConnection editor) {
        require(CommissionAction.READ, documentId, commissionOf(documentId));
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            Room room = rooms.get(documentId);
            if (room != null && room.peers.containsKey(editor)) {
                logger.warn("Document {}: an editor holds changes whose dependencies it never received; "
                        + "asking the editors to reconcile", documentId);
                askToReconcile(room, editor);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The stored log of the document does not integrate (found by {@link DocumentMaintenance} when
     * the document was opened or compacted): asks every open editor for what the server lacks.
     */
    void incomplete(long documentId) {
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            Room room = rooms.get(documentId);
            if (room != null) {
                askToReconcile(room, null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the document's lock. Rate-limited per document: a reconciliation costs each editor a join. */
    private static void askToReconcile(Room room, @Nullable EditorConnection except) {
        long now = System.nanoTime();
        if (now - room.reconcileAskedAt < RECONCILE_INTERVAL_MILLIS * 1_000_000) {
            return;
        }
        room.reconcileAskedAt = now;
        room.peers.forEach((other, p) -> {
            if (other != except && p.editable) {
                other.reconcile();
            }
        });
    }

    /**
     * The updates after {@code afterSeq} (an editor that saw a gap in the sequence); the whole content
     * if some of them were compacted meanwhile.
     */
    @PreAuthorize("isAuthenticated()")
    public CatchUp since(long documentId, long afterSeq) {
        require(CommissionAction.READ, documentId, commissionOf(documentId));
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            DocumentLog.Content content = log.since(documentId, afterSeq);
            Room room = rooms.get(documentId);
            if (room != null) {
                // another node may have stored these: this node's numbering must not lag behind them
                room.lastSeq = Math.max(room.lastSeq, content.lastSeq());
            }
            return new CatchUp(Math.max(afterSeq, content.lastSeq()), encode(content.updates()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The editor closed (tab closed, navigated away, session ended); the others drop its presence.
     * Open to everyone: it only removes the caller's own subscription, and it also runs when a
     * session ends, where nobody is signed in any more.
     */
    @PreAuthorize("permitAll()")
    public void leave(long documentId, EditorConnection editor) {
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            Room room = rooms.get(documentId);
            if (room == null) {
                return;
            }
            Peer peer = room.peers.remove(editor);
            if (room.peers.isEmpty()) {
                rooms.remove(documentId);
                replicas.drop(documentId);
                cluster.closed(documentId);
            }
            if (peer != null && !peer.clientIds.isEmpty()) {
                List<Long> ids = List.copyOf(peer.clientIds);
                room.peers.keySet().forEach(other -> other.left(ids));
                cluster.left(documentId, ids);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many editors have the document open on this node. */
    @PreAuthorize("isAuthenticated()")
    public int openEditors(long documentId) {
        require(CommissionAction.READ, documentId, commissionOf(documentId));
        Room room = rooms.get(documentId);
        return room == null ? 0 : room.peers.size();
    }

    /**
     * Forgets every open editor, as a restarted node would. The editors find out at their next
     * push (or presence heartbeat), join again and send what the server lacks. For operations and tests.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void forgetEditors() {
        rooms.keySet().forEach(id -> {
            replicas.drop(id);
            cluster.closed(id);
        });
        rooms.clear();
    }

    // ---------- server-made changes (docs/adr/025) ----------

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

    /**
     * Makes a change computed by the server (accepting or rejecting suggestions) on the document's
     * current content, under its lock: stored as the next update of the log in the name of the
     * signed-in person and delivered to every open editor like any other update.
     *
     * @param action what the signed-in person must be allowed in the document's commission
     * @return the update's sequence number, or -1 if the change was empty (nothing stored)
     * @throws AccessDeniedException if the person may not do {@code action}
     */
    @PreAuthorize("isAuthenticated()")
    public long change(long documentId, CommissionAction action, ServerChange change) {
        SignedInUser user = currentUser.require();
        Long commissionId = commissionOf(documentId);
        require(action, documentId, commissionId);
        if (stageMode(documentId) == StageEditing.Mode.CLOSED) {
            throw new UserFacingException("document.refused.closed");
        }
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            byte[] update = change.compute(log.content(documentId).updates());
            if (update.length == 0) {
                return -1;
            }
            Room room = rooms.get(documentId);
            DocumentLog.Appended appended = append(documentId, null, update, user.personId());
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
            return appended.seq();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads the document's current content (compacted state first, then the updates after it).
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public <T> T read(long documentId, java.util.function.Function<List<byte[]>, T> reader) {
        require(CommissionAction.READ, documentId, commissionOf(documentId));
        return reader.apply(log.content(documentId).updates());
    }

    /**
     * Reads the document's current content, and its last sequence number, for a server job with
     * nobody signed in (the automatic versions of {@code documents.versions}); the caller makes its
     * own check when a person is involved.
     */
    @PreAuthorize("permitAll()")
    public <T> T readForJob(long documentId, java.util.function.BiFunction<List<byte[]>, Long, T> reader) {
        DocumentLog.Content content = log.content(documentId);
        return reader.apply(content.updates(), content.lastSeq());
    }

    /**
     * Who wrote what (docs/adr/090): every Yjs client id recorded for the document, with the person
     * whose update first carried it (client id → person id).
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, Long> clientAuthors(long documentId) {
        require(CommissionAction.READ, documentId, commissionOf(documentId));
        return log.clients(documentId);
    }

    /**
     * Whether the signed-in person may do {@code action} in the document's commission; in a template
     * (no commission, ADR 029) only the secretariat may read and edit, and nobody may do anything else.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean may(long documentId, CommissionAction action) {
        return may(action, documentId, commissionOf(documentId));
    }

    /** Through {@link DocumentAccess}; a template (no commission) is read and edited by the secretariat only. */
    private boolean may(CommissionAction action, long documentId, @Nullable Long commissionId) {
        if (commissionId == null) {
            return (action == CommissionAction.READ || action == CommissionAction.EDIT_DRAFT)
                    && currentUser.get().map(SignedInUser::isSecretariat).orElse(false);
        }
        return documentAccess.may(action, documentId, commissionId);
    }

    /** Switches delivery before the commit (ADR 114) on or off, for benchmarks that compare both. */
    void deliverBeforeCommit(boolean on) {
        deliverBeforeCommit = on;
    }

    /** The per-update stage times (ADR 114), for benchmarks. */
    KeystrokeTimeline timeline() {
        return timeline;
    }

    /** Called by the compactor, under the document's lock, after the log shrank. */
    void compacted(long documentId, long stateBytes, long tailCount, long tailBytes) {
        Room room = rooms.get(documentId);
        if (room != null) {
            room.stateBytes = stateBytes;
            room.tailCount = tailCount;
            room.tailBytes = tailBytes;
        }
    }

    /**
     * Whether the signed-in person may only suggest: marked so for this document, or an editor who
     * does not review drafts while the stage lets only reviewers edit. Never for a template (no
     * commission).
     */
    private boolean suggestOnly(long documentId, @Nullable Long commissionId, StageEditing.Mode mode) {
        if (commissionId == null) {
            return false;
        }
        SuggestOnlyPolicy policy = suggestOnlyPolicy.getIfAvailable();
        if (policy != null && policy.suggestOnly(documentId, commissionId)) {
            return true;
        }
        return mode == StageEditing.Mode.REVIEWERS_EDIT && access.may(CommissionAction.EDIT_DRAFT, commissionId)
                && !access.may(CommissionAction.REVIEW_DRAFT, commissionId);
    }

    /** Whether a grant (a consultation round) makes the person suggest-only; never in a template. */
    private boolean suggestOnlyByGrant(long documentId, @Nullable Long commissionId) {
        return commissionId != null && documentAccess.suggestOnlyByGrant(documentId, commissionId);
    }

    private StageEditing.Mode stageMode(long documentId) {
        StageEditing editing = stageEditing.getIfAvailable();
        return editing == null ? StageEditing.Mode.OPEN : editing.mode(documentId);
    }

    /** The document's commission; null for a template. */
    private @Nullable Long commissionOf(long documentId) {
        Room room = rooms.get(documentId);
        if (room != null) {
            return room.commissionId;
        }
        return documents.ownerOf(documentId).orElseThrow(NotFoundException::new).commissionId();
    }

    private void require(CommissionAction action, long documentId, @Nullable Long commissionId) {
        String refusal = action == CommissionAction.READ ? "document.refused.read" : "document.refused.edit";
        if (commissionId == null) {
            if (!may(action, documentId, null)) {
                throw new AccessDeniedException(refusal);
            }
            return;
        }
        documentAccess.require(action, documentId, commissionId, refusal);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("document.update.invalid");
        }
    }

    private static List<String> encode(List<byte[]> updates) {
        List<String> list = new ArrayList<>(updates.size());
        for (byte[] u : updates) {
            list.add(Base64.getEncoder().encodeToString(u));
        }
        return list;
    }

    /**
     * What the editors of the document on another node did ({@link ClusterRooms}, ADR 100): hands
     * the updates it stored (read from the log), their presence or their departure to the editors
     * of this node. A signal with {@code toSeq = Long.MAX_VALUE} means "this node may have missed
     * some": everything after what it delivered is read again.
     */
    private void remote(long documentId, RoomSignal signal) {
        ReentrantLock lock = locks.of(documentId);
        lock.lock();
        try {
            Room room = rooms.get(documentId);
            if (room == null) {
                return;
            }
            switch (signal.kind()) {
                case STORED -> {
                    boolean resume = signal.toSeq() == Long.MAX_VALUE;
                    long after = resume ? room.deliveredSeq : signal.fromSeq() - 1;
                    DocumentLog.Content content = log.between(documentId, after, signal.toSeq());
                    byte[] state = content.state();
                    if (state != null) {
                        String encoded = Base64.getEncoder().encodeToString(state);
                        room.peers.keySet().forEach(other -> other.deliver(content.stateSeq(), encoded));
                        otherNodeCompacted(documentId, room, state.length);
                    }
                    for (var u : content.tail()) {
                        String encoded = Base64.getEncoder().encodeToString(u.data());
                        room.peers.keySet().forEach(other -> other.deliver(u.seq(), encoded));
                        otherNodeStored(documentId, room, u.data());
                    }
                    room.lastSeq = Math.max(room.lastSeq, content.lastSeq());
                    room.deliveredSeq = Math.max(room.deliveredSeq, content.lastSeq());
                }
                case PRESENCE -> {
                    String awareness = signal.awareness();
                    if (awareness != null) {
                        room.remotePresence.put(signal.clientId(), new RemotePresence(awareness, System.nanoTime()));
                        room.peers.keySet().forEach(other -> other.presence(awareness));
                    }
                }
                case LEFT -> {
                    signal.left().forEach(room.remotePresence::remove);
                    room.peers.keySet().forEach(other -> other.left(signal.left()));
                }
            }
        } catch (RuntimeException e) {
            logger.warn("Document {}: could not hand another node's {} to the editors here", documentId,
                    signal.kind(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: an update another node stored counts here as if stored here (ADR 101): the
     * document's size limit and compaction see it, and the suggest-only replica holds it.
     */
    private void otherNodeStored(long documentId, Room room, byte[] update) {
        room.tailCount++;
        room.tailBytes += update.length;
        replicas.stored(documentId, update);
    }

    /** Under the lock: the log was compacted (on another node) since this node last read it. */
    private void otherNodeCompacted(long documentId, Room room, int stateBytes) {
        room.stateBytes = stateBytes;
        room.tailCount = 0;
        room.tailBytes = 0;
        replicas.drop(documentId); // opened again from the log at the next check
    }

    /** An editor's presence on another node, as last heard. */
    private record RemotePresence(String awareness, long seenAt) {
    }

    /** The editors of one document on this node. Guarded by the document's lock. */
    private static final class Room {
        /** Null for a template. */
        final @Nullable Long commissionId;
        final Map<EditorConnection, Peer> peers = new LinkedHashMap<>();
        long tailCount;
        long tailBytes;
        long stateBytes;
        /** The last sequence number stored (as far as this node knows). */
        long lastSeq;
        /** The last sequence number handed to this node's editors (stored here or on another node). */
        long deliveredSeq;
        /** The presence of the document's editors on other nodes, by Yjs client id. */
        final Map<Long, RemotePresence> remotePresence = new HashMap<>();
        /** {@link System#nanoTime()} of the last request to reconcile; starts one interval ago. */
        long reconcileAskedAt = System.nanoTime() - RECONCILE_INTERVAL_MILLIS * 1_000_000;

        Room(@Nullable Long commissionId) {
            this.commissionId = commissionId;
        }

        /** The person's colour if they are here already, else the first colour nobody here has. */
        String colorFor(String username, EditorConnection editor) {
            Set<String> taken = new HashSet<>();
            for (var e : peers.entrySet()) {
                if (e.getValue().username.equals(username)) {
                    return e.getValue().color;
                }
                if (e.getKey() != editor) {
                    taken.add(e.getValue().color);
                }
            }
            for (String c : COLORS) {
                if (!taken.contains(c)) {
                    return c;
                }
            }
            return COLORS[Math.floorMod(username.hashCode(), COLORS.length)];
        }
    }

    private static final class Peer {
        final String username;
        final String color;
        final boolean editable;
        final Set<Long> clientIds = new LinkedHashSet<>();
        @Nullable String awareness;
        long seenAt;

        Peer(String username, String color, boolean editable) {
            this.username = username;
            this.color = color;
            this.editable = editable;
        }
    }

    /** A pushed update waiting for its document's group commit, with what its push knew and learns. */
    private static final class Pending extends GroupCommit.Waiting {
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
        @Nullable Peer peer;
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
