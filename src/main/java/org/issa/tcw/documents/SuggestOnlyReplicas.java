package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.issa.tcw.base.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The suggest-only check of the relay (docs/adr/025): refuses the update of a suggest-only person
 * unless the document with every suggestion rejected stays the same and every suggestion it touches
 * is theirs. While editors have a document open on this node, the check runs on a live replica of
 * it in the engine (opened from the log at first need and fed every accepted update), so that a
 * keystroke does not load the whole document again. Every method runs under the document's lock
 * ({@link DocumentLocks}); {@link DocumentCollaboration} calls them and says when the document is
 * open in an editor ({@code open}), when an update was stored and when nobody edits it any more.
 */
@Component
class SuggestOnlyReplicas {

    private static final Logger logger = LoggerFactory.getLogger(SuggestOnlyReplicas.class);

    private final DocumentLog log;
    private final YjsEngine engine;
    /** The documents whose live replica the engine keeps. */
    private final Set<Long> replicas = ConcurrentHashMap.newKeySet();

    SuggestOnlyReplicas(DocumentLog log, YjsEngine engine) {
        this.log = log;
        this.engine = engine;
    }

    /**
     * Refuses the update unless it passes the suggest-only rule. On a document open in an editor of
     * this node ({@code open}) the check runs on the live replica, which keeps an allowed update
     * applied; otherwise on a fresh replica of the log.
     *
     * @throws UserFacingException {@code suggestions.refused.suggest-only} if refused
     */
    void check(long documentId, boolean open, byte[] update, @Nullable Long personId) {
        check(documentId, open, update, personId, List.of());
    }

    /**
     * As {@link #check(long, boolean, byte[], Long)} for an update that follows {@code unstored}:
     * updates accepted before it in the same group commit, not stored yet. The live replica holds
     * them already (checked, or queued by {@link #stored}); a replica opened from the log gets them
     * after the log, so that the check always sees every update before this one.
     */
    void check(long documentId, boolean open, byte[] update, @Nullable Long personId, List<byte[]> unstored) {
        if (personId == null) {
            throw new UserFacingException("suggestions.refused.suggest-only");
        }
        YjsEngine.SuggestOnlyVerdict verdict;
        if (!open) {
            verdict = engine.suggestOnlyCheck(logThen(documentId, unstored), update, personId).join();
        } else {
            if (!replicas.contains(documentId)) {
                engine.replicas().open(documentId, logThen(documentId, unstored)).join();
                replicas.add(documentId);
            }
            verdict = checkOnReplica(documentId, update, personId, unstored);
            if (!verdict.allowed()) {
                replicas.remove(documentId); // the engine dropped it: the refused update is in it
            }
        }
        if (!verdict.allowed()) {
            logger.info("Document {}: update of suggest-only person {} refused ({})", documentId, personId,
                    verdict.reason());
            throw new UserFacingException("suggestions.refused.suggest-only");
        }
    }

    /**
     * The check on the live replica. Stored updates are fed to the replica without waiting
     * ({@link #stored}); the engine runs its calls in order, so the check sees every one of them.
     * If one of them did not apply, the engine has dropped the replica: it is opened again from the
     * log (which holds every stored update) and the check made there.
     */
    private YjsEngine.SuggestOnlyVerdict checkOnReplica(long documentId, byte[] update, long personId,
            List<byte[]> unstored) {
        try {
            return engine.replicas().check(documentId, update, personId).join();
        } catch (java.util.concurrent.CompletionException e) {
            logger.info("Document {}: suggest-only replica lost ({}); opened again from the log", documentId,
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            engine.replicas().open(documentId, logThen(documentId, unstored)).join();
            replicas.add(documentId);
            return engine.replicas().check(documentId, update, personId).join();
        }
    }

    /** The document's log, then the updates accepted before the one checked that are not stored yet. */
    private List<byte[]> logThen(long documentId, List<byte[]> unstored) {
        List<byte[]> updates = log.content(documentId).updates();
        if (unstored.isEmpty()) {
            return updates;
        }
        List<byte[]> all = new ArrayList<>(updates.size() + unstored.size());
        all.addAll(updates);
        all.addAll(unstored);
        return all;
    }

    /** Whether the engine keeps a live replica of the document. */
    boolean isOpen(long documentId) {
        return replicas.contains(documentId);
    }

    /**
     * An update was accepted (or stored) that the replica does not hold yet (not checked by
     * {@link #check}, e.g. an editor's or a server-made change): queued to the engine to be applied, without waiting —
     * an editor who is not suggest-only must not wait for the engine on every keystroke (with five
     * suggest-only editors open that wait made every push queue behind the checks). If it does not
     * apply, the engine drops the replica and the next check opens it again from the log.
     */
    void stored(long documentId, byte[] update) {
        if (replicas.contains(documentId)) {
            engine.replicas().apply(documentId, update).whenComplete((applied, failure) -> {
                if (failure != null || !Boolean.TRUE.equals(applied)) {
                    logger.info("Document {}: an update did not apply to the suggest-only replica; it is dropped",
                            documentId);
                }
            });
        }
    }

    /** Drops the document's replica, if any (nobody edits it here any more, or storing failed). */
    void drop(long documentId) {
        if (replicas.remove(documentId)) {
            engine.replicas().close(documentId);
        }
    }
}
