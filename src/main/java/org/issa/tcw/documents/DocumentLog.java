package org.issa.tcw.documents;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.documents.domain.ContentSnapshot;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.issa.tcw.documents.domain.DocumentUpdate;
import org.issa.tcw.documents.domain.DocumentUpdateRepository;
import org.issa.tcw.documents.domain.LoggedUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The persisted update log of documents. Each method is one transaction that has committed when
 * it returns, which is what lets the relay acknowledge an update only once it is stored. Callers
 * check permissions; this class does not.
 */
@Component
@Transactional(readOnly = true)
class DocumentLog {

    private final ApplicationEventPublisher events;

    /** How long the id of a received update is remembered after the update itself was compacted. */
    static final Duration RECEIPTS_KEPT = Duration.ofDays(7);

    private final DocumentRepository documents;
    private final DocumentUpdateRepository updates;
    private final Clock clock;
    /** (document:client) pairs recorded, most recently used last; bounded. */
    private final Map<String, Boolean> knownClients = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 20_000;
                }
            });

    DocumentLog(DocumentRepository documents, DocumentUpdateRepository updates, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.documents = documents;
        this.updates = updates;
        this.clock = clock;
    }

    /** The result of an append: the update's sequence number, and whether it had been received before. */
    record Appended(long seq, boolean duplicate) {
    }

    /** An update to store: its client-chosen id (if any), its bytes and its author. */
    record Entry(@Nullable String clientUpdateId, byte[] update, @Nullable Long authorId) {
    }

    /**
     * Stores an update under the next sequence number of its document, unless an update with the
     * same client id was stored before (a resend), in which case its first sequence number is returned.
     */
    @Transactional
    Appended append(long documentId, @Nullable String clientUpdateId, byte[] update, @Nullable Long authorId) {
        return store(documentId, List.of(new Entry(clientUpdateId, update, authorId))).getFirst();
    }

    /**
     * Stores several updates of one document in one transaction (group commit: one commit, so one
     * write and one force of the database file, for all of them), in the given order, each as
     * {@link #append} would: the next sequence number, or the first one of an update with the same
     * client id stored before or earlier in the list. Nothing is stored if it fails.
     *
     * @return one result per entry, in the same order
     */
    @Transactional
    List<Appended> appendAll(long documentId, List<Entry> entries) {
        return store(documentId, entries);
    }

    /**
     * As {@link #appendAll(long, List)}, and hands the results to {@code ordered} once every row is
     * written (flushed, the document row still locked) but before the transaction commits: what it
     * does runs in sequence order, before the forced write of the commit (ADR 114: the relay
     * delivers to the other editors there). If {@code ordered} throws, nothing is stored.
     */
    @Transactional
    List<Appended> appendAll(long documentId, List<Entry> entries,
            java.util.function.Consumer<List<Appended>> ordered) {
        List<Appended> appended = store(documentId, entries);
        updates.flush();
        ordered.accept(appended);
        return appended;
    }

    private List<Appended> store(long documentId, List<Entry> entries) {
        long last = documents.lockForAppend(documentId).orElseThrow(NotFoundException::new);
        var now = clock.instant();
        List<Appended> appended = new ArrayList<>(entries.size());
        Map<String, Long> received = new HashMap<>();
        @Nullable Long lastAuthor = null;
        boolean advanced = false;
        for (Entry entry : entries) {
            String clientUpdateId = entry.clientUpdateId();
            if (clientUpdateId != null) {
                Long known = received.get(clientUpdateId);
                if (known == null) {
                    known = updates.receipt(documentId, clientUpdateId).orElse(null);
                }
                if (known != null) {
                    appended.add(new Appended(known, true));
                    continue;
                }
            }
            long seq = ++last;
            updates.save(new DocumentUpdate(documentId, seq, entry.authorId(), entry.update(), now));
            if (clientUpdateId != null) {
                updates.addReceipt(documentId, clientUpdateId, seq, now);
                received.put(clientUpdateId, seq);
            }
            lastAuthor = entry.authorId();
            if (lastAuthor != null) {
                recordClient(documentId, entry.update(), lastAuthor);
            }
            advanced = true;
            appended.add(new Appended(seq, false));
        }
        if (advanced) {
            documents.advance(documentId, last, now, lastAuthor);
        }
        return appended;
    }

    /**
     * Who wrote what (docs/adr/090): the first update that carries a Yjs client id tells whose it is.
     * Read from the update's header (its first client), so the typing path pays a few byte reads;
     * the database is asked only for a client this node has not recorded yet (once per editor
     * session), under the document's row lock like the append itself.
     */
    private void recordClient(long documentId, byte[] update, long authorId) {
        long client = YjsUpdates.firstClient(update);
        if (client < 0) {
            return;
        }
        String key = documentId + ":" + client;
        if (knownClients.containsKey(key)) {
            return;
        }
        updates.addClient(documentId, client, authorId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    knownClients.put(key, Boolean.TRUE);
                }
            });
        }
    }

    /** The Yjs client ids recorded for the document, with their person. */
    Map<Long, Long> clients(long documentId) {
        Map<Long, Long> out = new HashMap<>();
        for (Object[] row : updates.clients(documentId)) {
            out.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return out;
    }

    /** The compacted state and every update after it, read in one transaction. */
    Content content(long documentId) {
        ContentSnapshot s = documents.snapshot(documentId).orElseThrow(NotFoundException::new);
        List<LoggedUpdate> tail = updates.tail(documentId, s.stateSeq());
        return new Content(s.state(), s.stateSeq(), tail);
    }

    /** The updates after {@code afterSeq}, or the whole content if some of them were compacted away. */
    Content since(long documentId, long afterSeq) {
        ContentSnapshot s = documents.snapshot(documentId).orElseThrow(NotFoundException::new);
        if (afterSeq < s.stateSeq()) {
            return content(documentId);
        }
        return new Content(null, s.stateSeq(), updates.tail(documentId, afterSeq));
    }

    /**
     * The updates after {@code afterSeq} up to {@code uptoSeq} (what another node of a cluster just
     * stored), or the whole content if some of them were compacted away meanwhile.
     */
    Content between(long documentId, long afterSeq, long uptoSeq) {
        ContentSnapshot s = documents.snapshot(documentId).orElseThrow(NotFoundException::new);
        if (afterSeq < s.stateSeq()) {
            return content(documentId);
        }
        return new Content(null, s.stateSeq(), updates.range(documentId, afterSeq, uptoSeq));
    }

    /** (number of updates, bytes) in the log since the last compaction. */
    long[] logSize(long documentId) {
        Object[] row = updates.logSize(documentId).getFirst();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /**
     * Replaces the compacted state and removes the updates it now covers, if nobody compacted in
     * between; false otherwise (nothing changed).
     */
    @Transactional
    boolean replace(long documentId, long expectedStateSeq, long uptoSeq, YjsEngine.Compaction compaction) {
        documents.lockForAppend(documentId).orElseThrow(NotFoundException::new);
        int changed = documents.replaceState(documentId, expectedStateSeq, compaction.state(), uptoSeq,
                compaction.rendering().text(), compaction.rendering().html());
        if (changed == 0) {
            return false;
        }
        events.publishEvent(new DocumentTextChanged(documentId));
        updates.deleteUpTo(documentId, uptoSeq);
        updates.pruneReceipts(documentId, clock.instant().minus(RECEIPTS_KEPT));
        return true;
    }

    @Transactional
    void rendered(long documentId, long seq, YjsEngine.Rendering rendering) {
        if (documents.rendered(documentId, seq, rendering.text(), rendering.html()) > 0) {
            events.publishEvent(new DocumentTextChanged(documentId));
        }
    }

    /** A document's content: the compacted state (absent when only a tail was asked for) and updates after it. */
    record Content(byte @Nullable [] state, long stateSeq, List<LoggedUpdate> tail) {

        long lastSeq() {
            return tail.isEmpty() ? stateSeq : tail.getLast().seq();
        }

        /** State first (if any), then the tail: the order in which a Y.Doc must apply them. */
        List<byte[]> updates() {
            List<byte[]> list = new ArrayList<>(tail.size() + 1);
            if (state != null) {
                list.add(state);
            }
            for (LoggedUpdate u : tail) {
                list.add(u.data());
            }
            return list;
        }

        long bytes() {
            long n = 0;
            for (LoggedUpdate u : tail) {
                n += u.data().length;
            }
            return n;
        }
    }
}
