package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The server's own reader of documents: the real {@code yjs} (bundled from npm by the build, see
 * {@code src/main/yjs-engine}) in GraalJS, warmed up when the application is ready or at the first
 * call ({@link YjsEngineWarmUp}). Calls run on the engine's threads ({@link YjsLanes}), never on a
 * request thread; every method returns a future. Suggest-only replicas: {@link #replicas()}.
 */
@Component
public class YjsEngine implements DisposableBean {

    /** A new document: one empty paragraph (TipTap's empty document). */
    public static final String EMPTY_DOCUMENT = "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\"}]}";

    private final ObjectMapper json = new ObjectMapper();
    private final YjsLanes lanes = new YjsLanes();
    private final YjsReplicas replicas = new YjsReplicas(lanes);
    private final CompletableFuture<byte[]> emptyState;

    YjsEngine() {
        emptyState = lanes.warm().thenCompose(v -> initialState(EMPTY_DOCUMENT));
    }

    /** Queues the engine's warm-up on its thread, once (ADR 110). */
    void warmUp() {
        lanes.warmUp();
    }

    /** The state of a new, empty document (one empty paragraph), computed once. */
    public CompletableFuture<byte[]> emptyState() {
        lanes.warmUp();
        return emptyState.thenApply(byte[]::clone);
    }

    /** A new document's first state, from TipTap (ProseMirror) JSON. */
    public CompletableFuture<byte[]> initialState(String proseMirrorJson) {
        return call(ns -> Base64.getDecoder().decode(ns.getMember("create").execute(proseMirrorJson).asString()));
    }

    /**
     * The log (compacted state first, then the updates in sequence order) merged into one
     * garbage-collected state, verified inside yjs to give exactly the same document, with its
     * plain text and sanitized HTML.
     */
    public CompletableFuture<Compaction> compact(List<byte[]> log) {
        List<Object> b64 = encode(log);
        return call(ns -> {
            JsonNode compacted = json.readTree(ns.getMember("compact").execute(ProxyArray.fromList(b64)).asString());
            byte[] state = Base64.getDecoder().decode(compacted.get("state").asString());
            Rendering rendering = rendering(ns.getMember("render").execute(ProxyArray.fromArray(
                    compacted.get("state").asString())).asString());
            if (!rendering.xml().equals(compacted.get("xml").asString())) {
                throw new IllegalStateException("The compacted state does not read back as the log");
            }
            return new Compaction(state, rendering);
        });
    }

    /**
     * Whether the log integrates completely. When it does not (the server lost updates that later
     * ones depend on), {@code missing} names, per Yjs client, the first clock the pending
     * structures wait for.
     */
    public CompletableFuture<Check> check(List<byte[]> log) {
        List<Object> b64 = encode(log);
        return call(ns -> {
            return YjsResults.check(json.readTree(ns.getMember("check").execute(ProxyArray.fromList(b64)).asString()));
        });
    }

    /**
     * What a replica holding {@code remote} lacks of one holding {@code local}, as one update
     * ({@code Y.encodeStateAsUpdate(local, stateVector(remote))}): what an editor pushes when it
     * reconciles with a server that lost history. For tests.
     */
    public CompletableFuture<byte[]> missingFrom(List<byte[]> local, List<byte[]> remote) {
        List<Object> l = encode(local);
        List<Object> r = encode(remote);
        return call(ns -> Base64.getDecoder().decode(
                ns.getMember("missingFrom").execute(ProxyArray.fromList(l), ProxyArray.fromList(r)).asString()));
    }

    /**
     * Plain text and sanitized HTML of the document's current text (what the log describes with
     * every suggestion still open: suggested insertions left out, suggested deletions still in).
     */
    public CompletableFuture<Rendering> render(List<byte[]> log) {
        List<Object> b64 = encode(log);
        return call(ns -> rendering(ns.getMember("render").execute(ProxyArray.fromList(b64), false).asString()));
    }

    /**
     * Plain text and sanitized HTML of the document with its suggestions marked up (for exports
     * that show tracked changes): the text holds suggested insertions and deletions; in the HTML an
     * inline suggestion is an {@code <ins>} or {@code <del>}, a block-level one is on the block's
     * tag ({@code data-suggestion="insertion"}), each with {@code data-suggestion-id},
     * {@code data-author} (person id) and {@code data-time} (epoch millis).
     */
    public CompletableFuture<Rendering> renderMarked(List<byte[]> log) {
        List<Object> b64 = encode(log);
        return call(ns -> rendering(ns.getMember("render").execute(ProxyArray.fromList(b64), true).asString()));
    }

    /**
     * An update that types {@code text} at the end of the last paragraph of the document the log
     * describes (or in a new paragraph), as an editor would send it. For demo data, tests and the
     * simulated editors of the benchmarks.
     */
    public CompletableFuture<byte[]> typeText(List<byte[]> log, String text, boolean newParagraph) {
        List<Object> b64 = encode(log);
        return call(ns -> Base64.getDecoder().decode(
                ns.getMember("typeText").execute(ProxyArray.fromList(b64), text, newParagraph).asString()));
    }

    /**
     * A typing session as an editor sends it: one update per keystroke at the end of the last
     * paragraph, every tenth keystroke a backspace (the first update may also create the paragraph).
     * For the benchmarks and tests.
     */
    public CompletableFuture<List<byte[]>> typingSession(List<byte[]> log, String text) {
        List<Object> b64 = encode(log);
        return call(ns -> YjsResults.updates(json.readTree(
                ns.getMember("typingSession").execute(ProxyArray.fromList(b64), text).asString())));
    }

    /**
     * Where a comment's anchor (two base64 {@code Y.RelativePosition}s, see frontend/tcw-comments.ts)
     * lies in the document the log describes: invalid when a position does not decode, belongs to
     * another document or to deleted text, or {@code from} is not before {@code to}.
     */
    public CompletableFuture<AnchorRange> anchorRange(List<byte[]> log, String from, String to) {
        List<Object> b64 = encode(log);
        return call(ns -> {
            JsonNode r = json.readTree(ns.getMember("anchorRange").execute(ProxyArray.fromList(b64), from, to)
                    .asString());
            return YjsResults.anchorRange(r);
        });
    }

    /**
     * {@link #anchorRange} on the Y.Doc of document {@code documentId} that the engine keeps loaded
     * for anchor checks: {@code baseSeq} &lt; 0 loads it from {@code log} (the whole content);
     * otherwise {@code log} holds the updates after {@code baseSeq} and is applied to the kept doc.
     * Empty when the engine does not hold the document at {@code baseSeq} (then call again with the
     * whole content).
     */
    public CompletableFuture<Optional<AnchorRange>> anchorRangeCached(long documentId, long baseSeq, long lastSeq,
            List<byte[]> log, String from, String to) {
        List<Object> b64 = encode(log);
        return call(ns -> {
            JsonNode r = json.readTree(ns.getMember("anchorRangeCached").execute(String.valueOf(documentId),
                    (double) baseSeq, (double) lastSeq, ProxyArray.fromList(b64), from, to).asString());
            if (r.has("stale")) {
                return Optional.empty();
            }
            return Optional.of(YjsResults.anchorRange(r));
        });
    }

    /**
     * The delete set of each update (Yjs V1, in order): per update, runs {@code client, clock,
     * length} (flat) of the items it deletes, by the items' own ids. docs/adr/091.
     */
    public CompletableFuture<List<long[]>> deleteSets(List<byte[]> updates) {
        List<Object> b64 = encode(updates);
        return call(ns -> {
            return YjsResults.deleteSets(json.readTree(ns.getMember("deleteSets").execute(ProxyArray.fromList(b64))
                    .asString()));
        });
    }

    // ---------- suggestions (track changes) and the suggest-only check: docs/adr/025 ----------

    /** The live replicas of the suggest-only check, on their own context and thread. */
    public YjsReplicas replicas() {
        return replicas;
    }

    /** The suggest-only rule on a fresh replica of the log (see {@link YjsReplicas#check}). */
    public CompletableFuture<SuggestOnlyVerdict> suggestOnlyCheck(List<byte[]> log, byte[] update, long personId) {
        List<Object> b64 = encode(log);
        String u = Base64.getEncoder().encodeToString(update);
        return call(ns -> verdict(ns.getMember("suggestOnlyCheck").execute(ProxyArray.fromList(b64), u,
                (double) personId).asString()));
    }

    private SuggestOnlyVerdict verdict(String result) {
        return YjsResults.verdict(json.readTree(result));
    }

    /**
     * Accepts or rejects suggestions as one update by a fresh client: those with one of {@code ids},
     * else all of {@code authorId}, else all ({@code null} = no restriction). Empty when nothing matched.
     */
    public CompletableFuture<byte[]> review(List<byte[]> log, boolean accept, @Nullable List<String> ids,
            @Nullable Long authorId) {
        List<Object> b64 = encode(log);
        var spec = json.createObjectNode().put("accept", accept);
        if (ids == null) {
            spec.putNull("ids");
        } else {
            ids.forEach(spec.putArray("ids")::add);
        }
        if (authorId == null) {
            spec.putNull("author");
        } else {
            spec.put("author", authorId);
        }
        String specJson = spec.toString();
        return call(ns -> Base64.getDecoder().decode(
                ns.getMember("review").execute(ProxyArray.fromList(b64), specJson).asString()));
    }

    /**
     * The anchor an editor would make for the first occurrence of {@code quote} inside one text
     * node, as {@code [from, to]} base64 relative positions, or an empty list. For tests, demo data
     * and benchmarks.
     */
    public CompletableFuture<List<String>> anchorFor(List<byte[]> log, String quote) {
        List<Object> b64 = encode(log);
        return call(ns -> {
            JsonNode r = json.readTree(ns.getMember("anchorFor").execute(ProxyArray.fromList(b64), quote).asString());
            return r == null || r.isNull() ? List.<String>of()
                    : List.of(r.get("from").asString(), r.get("to").asString());
        });
    }

    /**
     * An update by a fresh client that edits the document as scripted (see {@code edit} in
     * engine.mjs): what an editor would send, for tests, benchmarks and forged clients.
     */
    public CompletableFuture<byte[]> edit(List<byte[]> log, String opsJson) {
        List<Object> b64 = encode(log);
        return call(ns -> Base64.getDecoder().decode(
                ns.getMember("edit").execute(ProxyArray.fromList(b64), opsJson).asString()));
    }

    /**
     * A suggesting session: one update per keystroke typed at {@code at} into the element at
     * {@code pathJson}, each character marked as an insertion with {@code id} (benchmarks, tests).
     */
    public CompletableFuture<List<byte[]>> suggestingSession(List<byte[]> log, String pathJson, int at, String text,
            String id) {
        List<Object> b64 = encode(log);
        return call(ns -> YjsResults.updates(json.readTree(ns.getMember("suggestingSession")
                .execute(ProxyArray.fromList(b64), pathJson, at, text, id).asString())));
    }

    /**
     * The document as JSON for the Word and PDF exporters (see {@code exportTree} in engine.mjs):
     * elements, text runs with their marks, and inline {@code commentStart}/{@code commentEnd}
     * markers where the given anchors ({@code [{id, from, to}]}) resolve.
     */
    public CompletableFuture<String> exportTree(List<byte[]> log, String anchorsJson) {
        List<Object> b64 = encode(log);
        return call(ns -> ns.getMember("exportTree").execute(ProxyArray.fromList(b64), anchorsJson).asString());
    }

    /**
     * An update by a fresh client that replaces the document's whole content with the given
     * ProseMirror JSON (an import from Word), to be stored through the relay as a server change.
     */
    public CompletableFuture<byte[]> replaceContent(List<byte[]> log, String proseMirrorJson) {
        List<Object> b64 = encode(log);
        return call(ns -> Base64.getDecoder().decode(
                ns.getMember("replaceContent").execute(ProxyArray.fromList(b64), proseMirrorJson).asString()));
    }

    /**
     * {@link #replaceContent} for JSON with inline anchor markers ({@code {type:'anchor', id,
     * edge:'start'|'end'}}, e.g. where a Word comment's range starts and ends): the update, and the
     * base64 relative positions of every range in the new content, valid once the update is stored.
     */
    public CompletableFuture<AnchoredContent> replaceContentAnchored(List<byte[]> log, String proseMirrorJson) {
        List<Object> b64 = encode(log);
        return call(ns -> {
            return YjsResults.anchoredContent(json.readTree(ns.getMember("replaceContentAnchored").execute(
                    ProxyArray.fromList(b64), proseMirrorJson).asString()));
        });
    }

    /** New content as one update, and the anchors (by id) of ranges in it. */
    public record AnchoredContent(byte[] update, Map<String, Anchor> anchors) {
    }

    /** A range of the text as two base64 {@code Y.RelativePosition}s, as comments keep it (ADR 024). */
    public record Anchor(String from, String to) {
    }

    /** The XML of the document the log describes (tests). */
    public CompletableFuture<String> xml(List<byte[]> log) {
        List<Object> b64 = encode(log);
        return call(ns -> ns.getMember("xml").execute(ProxyArray.fromList(b64)).asString());
    }

    // ---------- versions: docs/adr/026 ----------

    /**
     * The version of the document the log describes: its whole state as a V2 update
     * ({@code Y.encodeStateAsUpdateV2}) and its outline text (one line per block, headings marked
     * with '#' per level).
     */
    public CompletableFuture<VersionState> versionState(List<byte[]> log) {
        List<Object> b64 = encode(log);
        return call(ns -> {
            JsonNode r = json.readTree(ns.getMember("versionState").execute(ProxyArray.fromList(b64)).asString());
            return new VersionState(Base64.getDecoder().decode(r.get("state").asString()), r.get("outline").asString());
        });
    }

    /**
     * One update by a fresh client that turns the document the log describes into the version's
     * content (its V2 state), editing in place what both have in common; empty when they are equal.
     */
    public CompletableFuture<byte[]> restore(List<byte[]> log, byte[] versionStateV2) {
        List<Object> b64 = encode(log);
        String version = Base64.getEncoder().encodeToString(versionStateV2);
        return call(ns -> Base64.getDecoder().decode(
                ns.getMember("restore").execute(ProxyArray.fromList(b64), version).asString()));
    }

    /** A version's state (V2, see {@link #versionState}) as a V1 update, as the log and the exporters read it. */
    public CompletableFuture<byte[]> versionUpdate(byte[] versionStateV2) {
        String version = Base64.getEncoder().encodeToString(versionStateV2);
        return call(ns -> Base64.getDecoder().decode(ns.getMember("versionUpdate").execute(version).asString()));
    }

    /** A document's whole state (V2 encoding) and its outline text. */
    public record VersionState(byte[] state, String outline) {
    }

    /** The outcome of the suggest-only check: allowed, or why not; and how long it took inside the engine. */
    public record SuggestOnlyVerdict(boolean allowed, @Nullable String reason, long millis) {
    }

    private Rendering rendering(String result) {
        return YjsResults.rendering(json.readTree(result));
    }

    static List<Object> encode(List<byte[]> log) {
        List<Object> b64 = new ArrayList<>(log.size());
        for (byte[] update : log) {
            b64.add(Base64.getEncoder().encodeToString(update));
        }
        return b64;
    }

    private <T> CompletableFuture<T> call(Function<Value, T> work) {
        return lanes.callMain(null, work);
    }

    /** A call on the main context by another class of this package, profiled under {@code label}. */
    <T> CompletableFuture<T> call(String label, Function<Value, T> work) {
        return lanes.callMain(label, work);
    }

    /**
     * Switches the profile of engine calls on (a fresh one) or off (measurements: which calls keep
     * the engine's single thread busy, and how long each waited behind the others).
     */
    public void profile(boolean on) {
        lanes.profile(on);
    }

    /** The profile since it was switched on: per method, {wait, busy} nanoseconds of each call. */
    public Map<String, List<long[]>> profiled() {
        return lanes.profiled();
    }

    /** Calls run by the engine since it started, whoever asked (measurements). */
    public long totalCalls() {
        return lanes.totalCalls();
    }

    /** Time the engine's threads spent in calls since it started, in nanoseconds (measurements). */
    public long busyNanos() {
        return lanes.busyNanos();
    }

    static final ThreadLocal<@Nullable CallCount> COUNTING = new ThreadLocal<>();

    /**
     * Counts the engine calls asked for by the current thread, and their time, until the result is
     * closed (measurements and tests of what a request costs in engine calls).
     */
    public static CallCount countCalls() {
        CallCount c = new CallCount();
        COUNTING.set(c);
        return c;
    }

    /** Engine calls asked for by one thread: see {@link #countCalls()}. */
    public static final class CallCount implements AutoCloseable {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicLong busyNanos = new AtomicLong();
        final AtomicLong waitedNanos = new AtomicLong();

        /** How many calls were asked for. */
        public int calls() {
            return calls.get();
        }

        /** Time the engine spent on them, in nanoseconds (those that completed). */
        public long busyNanos() {
            return busyNanos.get();
        }

        /** Time they waited for the engine's thread (behind other calls), in nanoseconds. */
        public long waitedNanos() {
            return waitedNanos.get();
        }

        @Override
        public void close() {
            COUNTING.remove();
        }
    }

    @Override
    public void destroy() {
        lanes.destroy();
    }


    /** The text, sanitized HTML and Yjs XML (for verification) of a document. */
    public record Rendering(String text, String html, String xml) {
    }

    /** Whether a log integrates completely, and if not what its pending structures wait for. */
    public record Check(boolean complete, Map<Long, Long> missing, boolean pendingDeletes) {
    }

    /**
     * A comment anchor's range: {@code valid} when both positions resolve in order; {@code broken}
     * when the character {@code from} or {@code to} is attached to was deleted (the range then
     * reads shorter than it was).
     */
    public record AnchorRange(boolean valid, int from, int to, String text, boolean broken) {
    }

    /** A compacted state and what it reads as. */
    public record Compaction(byte[] state, Rendering rendering) {
    }
}
