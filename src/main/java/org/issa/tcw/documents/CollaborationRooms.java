package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's rooms on this node ({@link CollaborationRoom}, one per open document): editors join,
 * catch up, leave and are asked to reconcile here, and what the editors of a document on another
 * node did ({@link ClusterRooms}, ADR 100) is handed to the editors of this node. No permission
 * checks: {@link DocumentCollaboration} makes them before it calls in. Each method takes the
 * document's lock itself unless it says "under the lock".
 */
final class CollaborationRooms {

    private static final Logger logger = LoggerFactory.getLogger(DocumentCollaboration.class);

    private final Map<Long, CollaborationRoom> rooms = new ConcurrentHashMap<>();
    private final DocumentLog log;
    private final DocumentLocks locks;
    private final DocumentMaintenance maintenance;
    private final SuggestOnlyReplicas replicas;
    private final ClusterRooms cluster;

    CollaborationRooms(DocumentLog log, DocumentLocks locks, DocumentMaintenance maintenance,
            SuggestOnlyReplicas replicas, ClusterRooms cluster) {
        this.log = log;
        this.locks = locks;
        this.maintenance = maintenance;
        this.replicas = replicas;
        this.cluster = cluster;
    }

    /** The document's room, if an editor has it open on this node. */
    @Nullable CollaborationRoom get(long documentId) {
        return rooms.get(documentId);
    }

    /**
     * Atomically reads the document's content and subscribes the editor, so that no update falls
     * between the two.
     */
    JoinResult join(long documentId, @Nullable Long commissionId, EditorConnection editor, String username,
            boolean editable, boolean limited) {
        return locks.call(documentId, () -> {
            DocumentLog.Content content = log.content(documentId);
            CollaborationRoom room = rooms.computeIfAbsent(documentId, id -> new CollaborationRoom(commissionId));
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
            CollaborationRoom.Peer previous = room.peers.get(editor);
            CollaborationRoom.Peer peer = new CollaborationRoom.Peer(username, room.colorFor(username, editor), editable);
            if (previous != null) {
                peer.clientIds.addAll(previous.clientIds);
            }
            room.peers.put(editor, peer);
            List<String> presence = new ArrayList<>();
            long now = System.nanoTime();
            long ttl = DocumentCollaboration.PRESENCE_TTL_MILLIS * 1_000_000;
            room.peers.forEach((other, p) -> {
                if (other != editor && p.awareness != null && now - p.seenAt < ttl) {
                    presence.add(p.awareness);
                }
            });
            room.remotePresence.values().forEach(p -> {
                if (now - p.seenAt() < ttl) {
                    presence.add(p.awareness());
                }
            });
            return new JoinResult(content.lastSeq(), encode(content.updates()), presence, editable, peer.color,
                    limited);
        });
    }

    /** The editor holds updates that wait for others it never received: the other editors are asked. */
    void missing(long documentId, EditorConnection editor) {
        locks.run(documentId, () -> {
            CollaborationRoom room = rooms.get(documentId);
            if (room != null && room.peers.containsKey(editor)) {
                logger.warn("Document {}: an editor holds changes whose dependencies it never received; "
                        + "asking the editors to reconcile", documentId);
                room.askToReconcile(editor);
            }
        });
    }

    /** The stored log of the document does not integrate: asks every open editor for what the server lacks. */
    void incomplete(long documentId) {
        locks.run(documentId, () -> {
            CollaborationRoom room = rooms.get(documentId);
            if (room != null) {
                room.askToReconcile(null);
            }
        });
    }

    /** The updates after {@code afterSeq}; the whole content if some of them were compacted meanwhile. */
    CatchUp since(long documentId, long afterSeq) {
        return locks.call(documentId, () -> {
            DocumentLog.Content content = log.since(documentId, afterSeq);
            CollaborationRoom room = rooms.get(documentId);
            if (room != null) {
                // another node may have stored these: this node's numbering must not lag behind them
                room.lastSeq = Math.max(room.lastSeq, content.lastSeq());
            }
            return new CatchUp(Math.max(afterSeq, content.lastSeq()), encode(content.updates()));
        });
    }

    /** The editor closed; the others drop its presence. */
    void leave(long documentId, EditorConnection editor) {
        locks.run(documentId, () -> {
            CollaborationRoom room = rooms.get(documentId);
            if (room == null) {
                return;
            }
            CollaborationRoom.Peer peer = room.peers.remove(editor);
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
        });
    }

    /** How many editors have the document open on this node. */
    int openEditors(long documentId) {
        CollaborationRoom room = rooms.get(documentId);
        return room == null ? 0 : room.peers.size();
    }

    /** Forgets every open editor, as a restarted node would. */
    void forgetEditors() {
        rooms.keySet().forEach(id -> {
            replicas.drop(id);
            cluster.closed(id);
        });
        rooms.clear();
    }

    /** Called by the compactor, under the document's lock, after the log shrank. */
    void compacted(long documentId, long stateBytes, long tailCount, long tailBytes) {
        CollaborationRoom room = rooms.get(documentId);
        if (room != null) {
            room.stateBytes = stateBytes;
            room.tailCount = tailCount;
            room.tailBytes = tailBytes;
        }
    }

    static List<String> encode(List<byte[]> updates) {
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
            CollaborationRoom room = rooms.get(documentId);
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
                        room.remotePresence.put(signal.clientId(),
                                new CollaborationRoom.RemotePresence(awareness, System.nanoTime()));
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
    private void otherNodeStored(long documentId, CollaborationRoom room, byte[] update) {
        room.tailCount++;
        room.tailBytes += update.length;
        replicas.stored(documentId, update);
    }

    /** Under the lock: the log was compacted (on another node) since this node last read it. */
    private void otherNodeCompacted(long documentId, CollaborationRoom room, int stateBytes) {
        room.stateBytes = stateBytes;
        room.tailCount = 0;
        room.tailBytes = 0;
        replicas.drop(documentId); // opened again from the log at the next check
    }
}
