package org.issa.tcw.documents;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
 * <p>
 * This class makes the permission checks; the rooms of this node ({@link CollaborationRooms}) and the
 * way of updates from push to acknowledgement ({@link UpdateRelay}) do the rest.
 */
@Service
public class DocumentCollaboration {

    static final String[] COLORS = PresenceColors.ALL.toArray(String[]::new);
    /** Presence of an editor not heard from for this long is not handed to joiners. */
    static final long PRESENCE_TTL_MILLIS = 30_000;
    /** The editors of a document are asked to reconcile at most this often. */
    static final long RECONCILE_INTERVAL_MILLIS = 2_000;

    private final DocumentLog log;
    private final DocumentRepository documents;
    private final DocumentLocks locks;
    private final CommissionAccess access;
    private final CurrentUser currentUser;
    private final CollaborationLimits limits;
    private final ObjectProvider<SuggestOnlyPolicy> suggestOnlyPolicy;
    private final DocumentAccess documentAccess;
    private final ObjectProvider<StageEditing> stageEditing;
    private final CollaborationRooms rooms;
    private final UpdateRelay relay;
    private final KeystrokeTimeline timeline;
    /** A push's checks in one read-only transaction (ADR 118); null: one each. */
    private final @Nullable TransactionTemplate checks;

    DocumentCollaboration(DocumentLog log, DocumentRepository documents, DocumentLocks locks,
            DocumentMaintenance maintenance, CommissionAccess access, CurrentUser currentUser, RateLimiter rateLimiter,
            CollaborationLimits limits,
            ObjectProvider<SuggestOnlyPolicy> suggestOnlyPolicy,
            SuggestOnlyReplicas replicas, DocumentAccess documentAccess,
            ObjectProvider<StageEditing> stageEditing, ClusterRooms cluster,
            java.time.Clock clock, @Value("${tcw.documents.timeline:false}") boolean timeline,
            @Value("${tcw.documents.deliver-before-commit:true}") boolean deliverBeforeCommit,
            PlatformTransactionManager transactions,
            @Value("${tcw.documents.checks-in-one-transaction:true}") boolean checksInOneTransaction) {
        this.checks = checksInOneTransaction ? new TransactionTemplate(transactions) : null;
        if (checks != null) {
            checks.setReadOnly(true);
        }
        this.timeline = new KeystrokeTimeline(clock, timeline);
        this.documentAccess = documentAccess;
        this.suggestOnlyPolicy = suggestOnlyPolicy;
        this.stageEditing = stageEditing;
        this.log = log;
        this.documents = documents;
        this.locks = locks;
        this.access = access;
        this.currentUser = currentUser;
        this.limits = limits;
        this.rooms = new CollaborationRooms(log, locks, maintenance, replicas, cluster);
        this.relay = new UpdateRelay(rooms, log, locks, maintenance, rateLimiter, limits, replicas, cluster,
                this.timeline, deliverBeforeCommit);
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
        return rooms.join(documentId, commissionId, editor, user.username(), editable, limited);
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
        byte[] update = updateBase64 == null || updateBase64.isEmpty() ? null : decode(updateBase64);
        Checked checked = checks == null ? checkPush(documentId, update, clientUpdateId)
                : Objects.requireNonNull(checks.execute(s -> checkPush(documentId, update, clientUpdateId)));
        SignedInUser user = checked.user();
        if (update != null) {
            return relay.push(documentId, new UpdateRelay.Pending(editor, user.username(), user.personId(),
                    clientUpdateId, update, Objects.requireNonNull(updateBase64), awarenessBase64, clientId,
                    editorSeq, checked.limited(), marks));
        }
        return relay.presence(documentId, editor, awarenessBase64, clientId, editorSeq);
    }

    /**
     * A push's checks (stage, permission, suggest-only), in one read-only transaction (ADR 118)
     * unless {@code tcw.documents.checks-in-one-transaction=false}.
     */
    private Checked checkPush(long documentId, byte @Nullable [] update, @Nullable String clientUpdateId) {
        SignedInUser user = currentUser.require();
        Long commissionId = commissionOf(documentId);
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
        return new Checked(user, limited);
    }

    private record Checked(SignedInUser user, boolean limited) {
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
        rooms.missing(documentId, editor);
    }

    /**
     * The stored log of the document does not integrate (found by {@link DocumentMaintenance} when
     * the document was opened or compacted): asks every open editor for what the server lacks.
     */
    void incomplete(long documentId) {
        rooms.incomplete(documentId);
    }

    /**
     * The updates after {@code afterSeq} (an editor that saw a gap in the sequence); the whole content
     * if some of them were compacted meanwhile.
     */
    @PreAuthorize("isAuthenticated()")
    public CatchUp since(long documentId, long afterSeq) {
        require(CommissionAction.READ, documentId, commissionOf(documentId));
        return rooms.since(documentId, afterSeq);
    }

    /**
     * The editor closed (tab closed, navigated away, session ended); the others drop its presence.
     * Open to everyone: it only removes the caller's own subscription, and it also runs when a
     * session ends, where nobody is signed in any more.
     */
    @PreAuthorize("permitAll()")
    public void leave(long documentId, EditorConnection editor) {
        rooms.leave(documentId, editor);
    }

    /** How many editors have the document open on this node. */
    @PreAuthorize("isAuthenticated()")
    public int openEditors(long documentId) {
        require(CommissionAction.READ, documentId, commissionOf(documentId));
        return rooms.openEditors(documentId);
    }

    /**
     * Forgets every open editor, as a restarted node would. The editors find out at their next
     * push (or presence heartbeat), join again and send what the server lacks. For operations and tests.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void forgetEditors() {
        rooms.forgetEditors();
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
            return relay.storeChange(documentId, update, user.personId()).seq();
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
        relay.deliverBeforeCommit(on);
    }

    /** The per-update stage times (ADR 114), for benchmarks. */
    KeystrokeTimeline timeline() {
        return timeline;
    }

    /** Called by the compactor, under the document's lock, after the log shrank. */
    void compacted(long documentId, long stateBytes, long tailCount, long tailBytes) {
        rooms.compacted(documentId, stateBytes, tailCount, tailBytes);
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
        CollaborationRoom room = rooms.get(documentId);
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

}
