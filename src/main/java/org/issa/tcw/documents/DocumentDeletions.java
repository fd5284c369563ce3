package org.issa.tcw.documents;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.domain.DocumentUpdateRepository;
import org.issa.tcw.documents.domain.LoggedUpdate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who deleted what in a document (docs/adr/091). A Yjs update's delete set names the items it
 * deletes by their own ids (the client and clock of whoever wrote them), never who deleted them;
 * the relay knows whose each stored update was ({@code document_update.author_id}) until compaction
 * merges the log. So the delete sets of the stored updates are decoded (by the engine, off the
 * typing path) and recorded as runs {@code (client, clock, length) → person} in
 * {@code document_deletion}:
 *
 * <ul>
 * <li>by the compaction, before it merges the log ({@link DocumentMaintenance#compactNow}), so no
 * update is compacted unread;</li>
 * <li>when a comparison is asked for ({@link #deletions}), for the updates stored since.</li>
 * </ul>
 *
 * <p>{@code document_deletion_mark} says how far the log has been read. Runs are recorded first
 * deleter first: a run already recorded is not claimed again by a later update (an editor that
 * reconnects sends the whole delete set of its copy, other people's deletions included). The
 * first time a document is read, the delete set of its compacted state (deletions made before the
 * recording began) is recorded as "not recorded" (no person), so that no later update can claim it.
 * Also, as updates are read, their first client is recorded as their author's when it is not yet
 * (ADR 090's rule), which attributes text typed before that recording while its update was still in
 * the log.
 */
@Component
public class DocumentDeletions {

    private static final Logger log = LoggerFactory.getLogger(DocumentDeletions.class);
    private static final int ATTEMPTS = 3;

    private final DocumentLog documentLog;
    private final DocumentUpdateRepository updates;
    private final YjsEngine engine;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DocumentCollaboration collaboration;

    DocumentDeletions(DocumentLog documentLog, DocumentUpdateRepository updates, YjsEngine engine, JdbcTemplate jdbc,
            TransactionTemplate transaction, @Lazy DocumentCollaboration collaboration) {
        this.documentLog = documentLog;
        this.updates = updates;
        this.engine = engine;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.collaboration = collaboration;
    }

    /** A run of deleted items (by the ids of whoever wrote them) and who deleted it; null: not recorded. */
    public record Run(long client, long clock, long length, @Nullable Long personId) {
    }

    /**
     * Who deleted what in the document: the recorded runs (after reading the updates stored since
     * the last time), adjacent runs of the same client and deleter merged, by client and clock.
     * Never on a request thread (it may decode updates).
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public List<Run> deletions(long documentId) {
        if (!collaboration.may(documentId, CommissionAction.READ)) {
            throw new AccessDeniedException("document.refused.read");
        }
        try {
            record(documentId);
        } catch (RuntimeException e) {
            log.warn("Could not read the deletions of document {}; showing those recorded", documentId, e);
        }
        List<Run> out = new ArrayList<>();
        jdbc.query("select client_id, clock, len, person_id from document_deletion where document_id = ? "
                + "order by client_id, clock", rs -> {
                    long client = rs.getLong(1);
                    long clock = rs.getLong(2);
                    long len = rs.getLong(3);
                    long p = rs.getLong(4);
                    Long person = rs.wasNull() ? null : p;
                    Run last = out.isEmpty() ? null : out.getLast();
                    if (last != null && last.client() == client && last.clock() + last.length() == clock
                            && Objects.equals(last.personId(), person)) {
                        out.set(out.size() - 1, new Run(client, last.clock(), last.length() + len, person));
                    } else {
                        out.add(new Run(client, clock, len, person));
                    }
                }, documentId);
        return out;
    }

    /**
     * Reads the delete sets of the updates stored since the last time and records them (see the
     * class). Called by the compaction before it merges the log, and by {@link #deletions}.
     */
    void record(long documentId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                if (recordOnce(documentId)) {
                    return;
                }
            } catch (DataIntegrityViolationException e) {
                // someone else recorded the document's first mark at the same moment: read again
                log.debug("Deletions of document {} recorded concurrently; reading again", documentId);
            }
        }
        log.warn("Could not record the deletions of document {} after {} attempts", documentId, ATTEMPTS);
    }

    /** One pass: false if someone else moved the mark meanwhile (nothing stored). */
    private boolean recordOnce(long documentId) {
        long[] marked = {-1};
        jdbc.query("select seq from document_deletion_mark where document_id = ?", rs -> {
            marked[0] = rs.getLong(1);
        }, documentId);
        Long mark = marked[0] < 0 ? null : marked[0];
        DocumentLog.Content content = documentLog.content(documentId);
        if (mark != null && content.lastSeq() <= mark) {
            return true;
        }
        // the compacted state holds deletions nobody recorded: the first time, or if a compaction
        // ran without reading (the engine failed) — recorded as "not recorded" where not yet recorded
        byte[] state = content.state();
        boolean fromState = false;
        long after = mark == null ? content.stateSeq() : mark;
        List<byte[]> decode = new ArrayList<>();
        List<LoggedUpdate> read = new ArrayList<>();
        if (state != null && (mark == null || mark < content.stateSeq())) {
            fromState = true;
            decode.add(state);
        }
        for (LoggedUpdate u : content.tail()) {
            if (u.seq() > after) {
                decode.add(u.data());
                read.add(u);
            }
        }
        Map<Long, Object[]> authors = new HashMap<>();
        if (!read.isEmpty()) {
            jdbc.query("select seq, author_id, created_at from document_update where document_id = ? and seq > ? "
                    + "and seq <= ?", rs -> {
                        long a = rs.getLong(2);
                        Long author = rs.wasNull() ? null : a;
                        authors.put(rs.getLong(1), new Object[] {author, rs.getTimestamp(3)});
                    }, documentId, after, read.getLast().seq());
        }
        List<long[]> sets = decode.isEmpty() ? List.of() : engine.deleteSets(decode).join();
        long last = content.lastSeq();
        boolean withState = fromState;
        Boolean stored = transaction.execute(status -> {
            int claimed = mark == null
                    ? jdbc.update("insert into document_deletion_mark (document_id, seq) select ?, ? where not exists "
                            + "(select 1 from document_deletion_mark where document_id = ?)", documentId, last, documentId)
                    : jdbc.update("update document_deletion_mark set seq = ? where document_id = ? and seq = ?", last,
                            documentId, mark);
            if (claimed == 0) {
                return false;
            }
            Map<Long, TreeMap<Long, Long>> covered = covered(documentId);
            List<Object[]> rows = new ArrayList<>();
            int i = 0;
            if (withState) {
                claim(covered, sets.get(i++), documentId, null, content.stateSeq(), null, rows);
            }
            for (LoggedUpdate u : read) {
                Object[] who = authors.getOrDefault(u.seq(), new Object[] {null, null});
                Long person = (Long) who[0];
                claim(covered, sets.get(i++), documentId, person, u.seq(), (Timestamp) who[1], rows);
                if (person != null) {
                    long client = YjsUpdates.firstClient(u.data());
                    if (client >= 0) {
                        updates.addClient(documentId, client, person);
                    }
                }
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("insert into document_deletion (document_id, client_id, clock, len, person_id, seq, "
                        + "deleted_at) values (?, ?, ?, ?, ?, ?, ?)", rows);
            }
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    /** The runs recorded for the document: per client, start clock → end clock (exclusive). */
    private Map<Long, TreeMap<Long, Long>> covered(long documentId) {
        Map<Long, TreeMap<Long, Long>> out = new HashMap<>();
        jdbc.query("select client_id, clock, len from document_deletion where document_id = ?",
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getLong(2),
                            rs.getLong(2) + rs.getLong(3));
                }, documentId);
        return out;
    }

    /** Adds to {@code rows} the parts of the runs not recorded yet, and marks them recorded. */
    private static void claim(Map<Long, TreeMap<Long, Long>> covered, long[] runs, long documentId,
            @Nullable Long person, long seq, @Nullable Timestamp at, List<Object[]> rows) {
        for (int r = 0; r + 2 < runs.length; r += 3) {
            long client = runs[r];
            TreeMap<Long, Long> mine = covered.computeIfAbsent(client, k -> new TreeMap<>());
            for (long[] part : uncovered(mine, runs[r + 1], runs[r + 1] + runs[r + 2])) {
                mine.put(part[0], part[1]);
                rows.add(new Object[] {documentId, client, part[0], part[1] - part[0], person, seq, at});
            }
        }
    }

    /** The parts of [start, end) that no run of {@code covered} (non-overlapping) contains. */
    static List<long[]> uncovered(TreeMap<Long, Long> covered, long start, long end) {
        List<long[]> out = new ArrayList<>();
        long at = start;
        Map.Entry<Long, Long> before = covered.floorEntry(start);
        if (before != null && before.getValue() > at) {
            at = before.getValue();
        }
        for (Map.Entry<Long, Long> e : covered.subMap(start, false, end, false).entrySet()) {
            if (e.getKey() > at) {
                out.add(new long[] {at, e.getKey()});
            }
            at = Math.max(at, e.getValue());
        }
        if (at < end) {
            out.add(new long[] {at, end});
        }
        return out;
    }
}
