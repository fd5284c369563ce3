package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The suggestions of a document as the server reads them (the review list beside the editor, the
 * suggestion watch), docs/adr/025. Every open page of a document asks for the list after each
 * change it sees; reading the whole log in the engine for each of them kept the engine's thread
 * busy for most of a review session. So:
 * <ul>
 * <li>the engine keeps the document loaded ({@code suggestionsCached} in engine.mjs): a reading
 * applies only the updates logged since the kept state, read from the log (committed rows only);
 * after a compaction, an eviction or a reading of another state, the whole content is loaded again;</li>
 * <li>one reading per document at a time: readers that ask while one runs share the one reading
 * made after it, which starts after every one of them asked, so none gets a list older than its
 * question; a reader of a state already read (same last sequence number) gets that reading at once.</li>
 * </ul>
 */
@Component
public class SuggestionReadings {

    static final int KEPT_DOCUMENTS = 64;

    private final DocumentLog log;
    private final DocumentRepository documents;
    private final YjsEngine engine;
    private final DocumentCollaboration collaboration;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong wholeLoads = new AtomicLong();

    SuggestionReadings(DocumentLog log, DocumentRepository documents, YjsEngine engine,
            DocumentCollaboration collaboration) {
        this.log = log;
        this.documents = documents;
        this.engine = engine;
        this.collaboration = collaboration;
    }

    /** One suggestion: its id, author (person id, null if the id names none), kinds and (start of its) text. */
    public record Suggestion(String id, @Nullable Long authorId, List<String> kinds, String text) {
    }

    /** The suggestions of the document at log position {@code seq}, in document order. */
    public record Reading(long seq, List<Suggestion> suggestions) {
    }

    /**
     * The document's suggestions now (see the class comment).
     *
     * @throws AccessDeniedException if the person may not read the document (checked every call,
     *                               before any kept reading is looked at)
     */
    @PreAuthorize("isAuthenticated()")
    public Reading read(long documentId) {
        if (!collaboration.may(documentId, CommissionAction.READ)) {
            throw new AccessDeniedException("document.refused.read");
        }
        return current(documentId);
    }

    /**
     * {@link #read} for a server job with nobody signed in (the suggestion watch); no check. A
     * document the engine does not keep for its review list is read from the whole log without
     * being kept (a job reading many documents must not push out those that pages are reading).
     */
    @PreAuthorize("permitAll()")
    public Reading readForJob(long documentId) {
        @Nullable Kept k;
        synchronized (kept) {
            k = kept.get(documentId);
        }
        boolean keptNow = false;
        if (k != null) {
            synchronized (k) {
                keptNow = k.engineSeq >= 0;
            }
        }
        if (keptNow) {
            return current(documentId);
        }
        DocumentLog.Content content = log.content(documentId);
        return new Reading(content.lastSeq(), List.copyOf(ofLog(content.updates()).join()));
    }

    /** The suggestions of the document the log describes, loaded anew (tests, benchmarks). */
    @PreAuthorize("permitAll()")
    public CompletableFuture<List<Suggestion>> ofLog(List<byte[]> updates) {
        return ofLog(engine, updates);
    }

    /** {@link #ofLog(List)} on a given engine (benchmarks that run the engine without the application). */
    static CompletableFuture<List<Suggestion>> ofLog(YjsEngine engine, List<byte[]> updates) {
        List<Object> b64 = YjsEngine.encode(updates);
        return engine.call("suggestions", ns -> parse(JSON.readTree(
                ns.getMember("suggestions").execute(ProxyArray.fromList(b64)).asString())));
    }

    /** How many readings were computed by the engine since the start (tests, measurements). */
    @PreAuthorize("permitAll()")
    public long computed() {
        return computed.get();
    }

    /** Per document: the engine's kept state, the last reading, the one running. */
    private static final class Kept {
        /** Log position of the engine's kept Y.Doc; -1: not kept (load the whole content). */
        long engineSeq = -1;
        /** Questions asked so far; a reading answers those asked before it started. */
        long asked;
        @Nullable Reading last;
        long lastCovers;
        @Nullable CompletableFuture<Reading> running;
        long runningCovers;
        /** The log position the running reading read (tests). */
        volatile long runningAt = -1;
    }

    private final Map<Long, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > KEPT_DOCUMENTS;
        }
    };

    private Kept kept(long documentId) {
        synchronized (kept) {
            return kept.computeIfAbsent(documentId, id -> new Kept());
        }
    }

    private Reading current(long documentId) {
        long seq = documents.lastSeq(documentId).orElseThrow(NotFoundException::new);
        Kept k = kept(documentId);
        long ticket;
        synchronized (k) {
            Reading last = k.last;
            if (last != null && last.seq() == seq) {
                return last; // this state was read already
            }
            ticket = ++k.asked;
        }
        while (true) {
            CompletableFuture<Reading> running;
            boolean mine = false;
            synchronized (k) {
                Reading last = k.last;
                if (last != null && k.lastCovers >= ticket) {
                    return last; // a reading that started after this question
                }
                running = k.running;
                if (running == null) {
                    running = new CompletableFuture<>();
                    k.running = running;
                    k.runningCovers = k.asked;
                    mine = true;
                }
            }
            if (mine) {
                return compute(documentId, k, running);
            }
            try {
                running.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                synchronized (k) {
                    if (k.runningCovers >= ticket && k.running == null) {
                        throw e; // the reading meant for this question failed
                    }
                }
            }
        }
    }

    /** Makes the reading; runs on the thread of the reader that started it. */
    private Reading compute(long documentId, Kept k, CompletableFuture<Reading> running) {
        try {
            long base;
            synchronized (k) {
                base = k.engineSeq;
            }
            // readings of a document run one at a time, so the log is at least where the last one
            // read it, unless its history was rolled back (a restored database): then load it anew
            if (base >= 0 && documents.lastSeq(documentId).orElseThrow(NotFoundException::new) < base) {
                base = -1;
            }
            DocumentLog.Content content = base < 0 ? log.content(documentId) : log.since(documentId, base);
            if (base >= 0 && content.state() == null && !content.tail().isEmpty()
                    && content.tail().getFirst().seq() != base + 1) {
                base = -1; // compacted between the two reads of `since`: rows after `base` are missing
                content = log.content(documentId);
            }
            boolean whole = base < 0 || content.state() != null;
            if (whole) {
                wholeLoads.incrementAndGet();
            }
            long at = whole ? content.lastSeq() : Math.max(base, content.lastSeq());
            k.runningAt = at;
            Optional<List<Suggestion>> list = cached(documentId, whole ? -1 : base, at, content.updates()).join();
            if (list.isEmpty()) { // the engine no longer keeps it at `base`
                wholeLoads.incrementAndGet();
                content = log.content(documentId);
                at = content.lastSeq();
                k.runningAt = at;
                list = cached(documentId, -1, at, content.updates()).join();
            }
            computed.incrementAndGet();
            Reading reading = new Reading(at, List.copyOf(list.orElseThrow()));
            synchronized (k) {
                k.engineSeq = at;
                k.last = reading;
                k.lastCovers = k.runningCovers;
                k.running = null;
                k.runningAt = -1;
            }
            running.complete(reading);
            return reading;
        } catch (RuntimeException e) {
            synchronized (k) {
                k.engineSeq = -1;
                k.running = null;
                k.runningAt = -1;
            }
            running.completeExceptionally(e);
            throw e;
        }
    }

    /** How many readings loaded the whole content into the engine (tests). */
    long wholeLoads() {
        return wholeLoads.get();
    }

    /** The log position the running reading of the document is at, or -1 (tests). */
    long runningAt(long documentId) {
        return kept(documentId).runningAt;
    }

    /** Questions asked about the document so far that could not be answered from the last reading (tests). */
    long asked(long documentId) {
        Kept k = kept(documentId);
        synchronized (k) {
            return k.asked;
        }
    }

    /** {@code suggestionsCached} in the engine; empty when it does not keep the document at {@code baseSeq}. */
    private CompletableFuture<Optional<List<Suggestion>>> cached(long documentId, long baseSeq, long lastSeq,
            List<byte[]> updates) {
        List<Object> b64 = YjsEngine.encode(updates);
        return engine.call("suggestions", ns -> {
            JsonNode r = JSON.readTree(ns.getMember("suggestionsCached").execute(String.valueOf(documentId),
                    (double) baseSeq, (double) lastSeq, ProxyArray.fromList(b64)).asString());
            return r.has("stale") ? Optional.<List<Suggestion>>empty() : Optional.of(parse(r.get("list")));
        });
    }

    private static List<Suggestion> parse(JsonNode list) {
        List<Suggestion> out = new ArrayList<>(list.size());
        list.forEach(s -> {
            List<String> kinds = new ArrayList<>();
            s.get("kinds").forEach(k -> kinds.add(k.asString()));
            out.add(new Suggestion(s.get("id").asString(),
                    s.get("author").isNull() ? null : s.get("author").asLong(), List.copyOf(kinds),
                    s.get("text").asString()));
        });
        return out;
    }
}
