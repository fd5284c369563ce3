package org.issa.tcw.documents;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors of one document on this node, as the relay ({@link DocumentCollaboration}) knows them:
 * who is there (with their colour and presence), the document's size and its last sequence numbers.
 * Guarded by the document's lock ({@link DocumentLocks}).
 */
final class CollaborationRoom {

    private static final Logger logger = LoggerFactory.getLogger(DocumentCollaboration.class);

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
    long reconcileAskedAt = System.nanoTime() - DocumentCollaboration.RECONCILE_INTERVAL_MILLIS * 1_000_000;

    CollaborationRoom(@Nullable Long commissionId) {
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
        for (String c : DocumentCollaboration.COLORS) {
            if (!taken.contains(c)) {
                return c;
            }
        }
        return DocumentCollaboration.COLORS[Math.floorMod(username.hashCode(), DocumentCollaboration.COLORS.length)];
    }

    /** Under the document's lock. Rate-limited per document: a reconciliation costs each editor a join. */
    void askToReconcile(@Nullable EditorConnection except) {
        long now = System.nanoTime();
        if (now - reconcileAskedAt < DocumentCollaboration.RECONCILE_INTERVAL_MILLIS * 1_000_000) {
            return;
        }
        reconcileAskedAt = now;
        peers.forEach((other, p) -> {
            if (other != except && p.editable) {
                other.reconcile();
            }
        });
    }

    /** Under the document's lock: as {@link #askToReconcile}, now, whenever the last request was. */
    void askToReconcileNow(@Nullable EditorConnection except) {
        reconcileAskedAt = System.nanoTime() - DocumentCollaboration.RECONCILE_INTERVAL_MILLIS * 1_000_000;
        askToReconcile(except);
    }

    /** Under the lock: whether the editor has seen more than the server stored (then asks to reconcile). */
    boolean lostHistory(long documentId, EditorConnection editor, long editorSeq) {
        if (editorSeq <= lastSeq) {
            return false;
        }
        logger.warn("Document {}: an editor has seen update {} but the server's log ends at {}; "
                + "the server lost history, asking the editors to reconcile", documentId, editorSeq, lastSeq);
        askToReconcile(editor);
        return true;
    }

    /** An editor's presence on another node, as last heard. */
    record RemotePresence(String awareness, long seenAt) {
    }

    /** One open editor of the room. */
    static final class Peer {
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
}
