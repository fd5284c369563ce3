package org.issa.tcw.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@link YjsEngine}'s calls run: one GraalJS engine with two contexts, each used from one
 * thread of its own (a polyglot context is single threaded, and the work must never run on a
 * request thread). The main context reads whole logs (renderings, compactions, exports, review
 * lists); the replicas' context holds the live replicas of the suggest-only check, so that a
 * keystroke's check never queues behind a whole-log reading (docs/adr/025). Also what the
 * measurements read: calls, busy time, and an optional per-call profile.
 */
final class YjsLanes {

    private static final Logger log = LoggerFactory.getLogger(YjsLanes.class);
    private static final String BUNDLE = "/org/issa/tcw/documents/yjs-engine.mjs";

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yjs-engine");
        t.setDaemon(true);
        return t;
    });
    /**
     * The live replicas of the suggest-only check (docs/adr/025) run in a context of their own on a
     * thread of their own, started at the first replica call: a keystroke's check must not queue
     * behind readings of whole logs (suggestion lists, derived text, compactions, exports), which
     * take hundreds of milliseconds each on the main context. Same engine (the bundle's code is
     * shared), separate JavaScript state.
     */
    private final ExecutorService replicaThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yjs-engine-replicas");
        t.setDaemon(true);
        return t;
    });
    /** Completed once {@link #start()} ran, whether or not the engine started. */
    private final CompletableFuture<Void> warm = new CompletableFuture<>();
    private final AtomicBoolean warmUpQueued = new AtomicBoolean();
    /** Set by {@link #start()} on the engine's thread; {@code null} until then, or if it failed. */
    private @Nullable Engine engine;
    private @Nullable Context context;
    private @Nullable Value exports;
    /** The replicas' context, on {@link #replicaThread}; {@code null} until the first replica call. */
    private @Nullable Context replicaContext;
    private @Nullable Value replicaExports;

    /**
     * Completes once the engine's start ran (the warm-up is queued by the first call or
     * {@link #warmUp()}; if the start failed, every call fails).
     */
    CompletableFuture<Void> warm() {
        return warm;
    }

    /** Queues the warm-up on the engine's thread, once (so before any call queued after it). */
    void warmUp() {
        if (warmUpQueued.compareAndSet(false, true)) {
            CompletableFuture.runAsync(this::start, thread).whenComplete((v, failure) -> {
                if (failure != null) {
                    log.error("The yjs engine did not start", failure);
                }
                warm.complete(null);
            });
        }
    }

    private void start() {
        long started = System.nanoTime();
        Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        this.engine = engine;
        Context context = newContext(engine);
        this.context = context;
        Value exports = load(context);
        this.exports = exports;
        // one warm-up round through every function, so the first real call is not the slow one
        String empty = exports.getMember("create").execute(YjsEngine.EMPTY_DOCUMENT).asString();
        exports.getMember("render").execute(ProxyArray.fromArray(empty)).asString();
        exports.getMember("compact").execute(ProxyArray.fromArray(empty, empty)).asString();
        log.info("yjs engine ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static Context newContext(Engine engine) {
        Context context = Context.newBuilder("js").engine(engine).option("js.esm-eval-returns-exports", "true").build();
        // lib0 asks crypto.getRandomValues for Y.Doc client ids at load time; GraalJS has no WebCrypto.
        // The server only creates a new document's first paragraph, so Math.random is good enough.
        context.eval("js", "globalThis.crypto = { getRandomValues(a) { for (let i = 0; i < a.length; i++) "
                + "a[i] = Math.floor(Math.random() * 4294967296); return a; } };");
        return context;
    }

    private static Value load(Context context) {
        String code;
        try (InputStream in = YjsLanes.class.getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is missing: the build bundles it from src/main/yjs-engine");
            }
            code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return context.eval(Source.newBuilder("js", code, "yjs-engine.mjs")
                .mimeType("application/javascript+module").buildLiteral());
    }

    /** On {@link #replicaThread}: the replicas' context, started at the first call (after the engine). */
    private @Nullable Value replicaExports() {
        Value ns = replicaExports;
        if (ns == null && engine != null) {
            long started = System.nanoTime();
            Context c = newContext(engine);
            replicaContext = c;
            ns = load(c);
            replicaExports = ns;
            log.info("yjs engine: replica context ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        return ns;
    }

    /** A call on the main context, profiled under the calling {@link YjsEngine} method's name or {@code named}. */
    <T> CompletableFuture<T> callMain(@Nullable String named, Function<Value, T> work) {
        return call(thread, () -> exports, named, work);
    }

    /** A call on the replicas' context and thread (after the engine started), profiled under {@code named}. */
    <T> CompletableFuture<T> callReplicas(String named, Function<Value, T> work) {
        warmUp();
        return warm.thenCompose(v -> call(replicaThread, this::replicaExports, named, work));
    }

    private <T> CompletableFuture<T> call(ExecutorService lane, java.util.function.Supplier<@Nullable Value> exportsOf,
            @Nullable String named, Function<Value, T> work) {
        warmUp();
        YjsEngine.@Nullable CallCount counting = YjsEngine.COUNTING.get();
        if (counting != null) {
            counting.calls.incrementAndGet();
        }
        long asked = System.nanoTime();
        Map<String, List<long[]>> profiling = profile;
        String label = profiling == null ? "" : named != null ? named : StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> f.getClassName().equals(YjsEngine.class.getName()))
                        .map(StackWalker.StackFrame::getMethodName)
                        .filter(m -> !m.equals("call") && !m.equals("callReplicas") && !m.startsWith("lambda$"))
                        .findFirst().orElse("?"));
        return CompletableFuture.supplyAsync(() -> {
            Value ns = exportsOf.get();
            if (ns == null) {
                throw new IllegalStateException("The yjs engine did not start");
            }
            long started = System.nanoTime();
            try {
                return work.apply(ns);
            } finally {
                long done = System.nanoTime();
                totalCalls.incrementAndGet();
                busyNanos.addAndGet(done - started);
                if (counting != null) {
                    counting.waitedNanos.addAndGet(started - asked);
                    counting.busyNanos.addAndGet(done - started);
                }
                if (profiling != null) {
                    List<long[]> calls = profiling.computeIfAbsent(label,
                            k -> java.util.Collections.synchronizedList(new ArrayList<>()));
                    if (calls.size() < PROFILED) {
                        calls.add(new long[] {started - asked, done - started});
                    }
                }
            }
        }, lane);
    }

    private static final int PROFILED = 100_000;
    /** While on: per engine method, each call's wait for the thread and its own time (nanoseconds). */
    private volatile @Nullable Map<String, List<long[]>> profile;

    /**
     * Switches the profile of engine calls on (a fresh one) or off (measurements: which calls keep
     * the engine's single thread busy, and how long each waited behind the others).
     */
    void profile(boolean on) {
        profile = on ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    }

    /** The profile since it was switched on: per method, {wait, busy} nanoseconds of each call. */
    Map<String, List<long[]>> profiled() {
        Map<String, List<long[]>> p = profile;
        Map<String, List<long[]>> copy = new TreeMap<>();
        if (p != null) {
            p.forEach((k, v) -> {
                synchronized (v) {
                    copy.put(k, List.copyOf(v));
                }
            });
        }
        return copy;
    }

    private final AtomicLong totalCalls = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();

    /** Calls run by the engine since it started, whoever asked (measurements). */
    long totalCalls() {
        return totalCalls.get();
    }

    /** Time the engine's thread spent in calls since it started, in nanoseconds (measurements). */
    long busyNanos() {
        return busyNanos.get();
    }

    /** Closes both contexts and the engine on their threads, and stops the threads. */
    void destroy() {
        CompletableFuture<Void> replicasClosed = CompletableFuture.runAsync(() -> {
            Context c = replicaContext;
            if (c != null) {
                c.close(true);
            }
        }, replicaThread);
        replicaThread.shutdown();
        try {
            replicasClosed.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("yjs engine: the replicas' context did not close", e);
        }
        thread.submit(() -> {
            Context c = context;
            Engine e = engine;
            if (c != null) {
                c.close(true);
            }
            if (e != null) {
                e.close();
            }
        });
        thread.shutdown();
    }
}
