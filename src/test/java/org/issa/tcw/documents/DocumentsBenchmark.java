package org.issa.tcw.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.issa.tcw.documents.browser.Browsers;
import org.issa.tcw.documents.browser.EditorPage;
import org.issa.tcw.documents.browser.RunningApp;
import org.issa.tcw.documents.ui.EditorTransports;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.documents.suggestions.SuggestOnlyService;
import org.issa.tcw.documents.suggestions.SuggestOnlySettings;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measurements for docs/benchmarks-documents.md (run by bench/documents/run.sh, not by the build):
 * keystroke in one real browser → visible in another, with 2, 10 and 25 editors in the document
 * (two real browsers, the rest simulated editors speaking the relay's protocol with real Yjs
 * updates, typing about three keystrokes a second each); opening a document with 5,000 updates of
 * history before and after compaction; opening a 100,000-character document; compaction time.
 */
class DocumentsBenchmark {

    private static final StringBuilder report = new StringBuilder();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    static void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.append(s).append('\n');
        try {
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(Path.of("target", "bench", "documents.txt"), report);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /**
     * Keystroke → other browser at 2, 10 and 25 editors (or {@code -Dbench.editors=2,10}), each with
     * the timeline of every keystroke (ADR 114: {@link KeystrokeTimelineTable}), once with delivery
     * before the commit and once after it ({@code -Dbench.deliver=before,after}, the default, or one of
     * them); {@code -Dbench.tokens=40} tokens typed per run.
     */
    @Test
    void keystroke_latency_with_2_10_and_25_editors() throws Exception {
        DocumentCollaboration relay = RunningApp.bean(DocumentCollaboration.class);
        relay.timeline().switchOn();
        try {
            for (String editors : System.getProperty("bench.editors", "2,10,25").split(",")) {
                for (String mode : System.getProperty("bench.deliver", "before,after").split(",")) {
                    for (String transport : transports()) {
                        relay.deliverBeforeCommit(!mode.trim().equals("after"));
                        EditorTransports.use(transport);
                        latency(Integer.parseInt(editors.trim()), mode.trim(), transport);
                    }
                }
            }
        } finally {
            relay.deliverBeforeCommit(true);
            relay.timeline().switchOff();
            EditorTransports.reset();
        }
    }

    /**
     * The editors' transports to measure, one after the other on the same server ({@code
     * -Dbench.transport=socket,vaadin}; default: the configured one, {@code tcw.documents.transport}).
     */
    static List<String> transports() {
        return java.util.Arrays.stream(System.getProperty("bench.transport", "default").split(","))
                .map(String::trim).toList();
    }

    private void latency(int editors, String mode, String transport) throws Exception {
        long doc = RunningApp.newDocument("Latency " + editors + " " + System.nanoTime());
        YjsEngine engine = RunningApp.bean(YjsEngine.class);
        DocumentCollaboration relay = RunningApp.bean(DocumentCollaboration.class);
        SignIn signIn = RunningApp.bean(SignIn.class);
        int simulated = editors - 2;
        List<List<String>> scripts = new ArrayList<>();
        for (int i = 0; i < simulated; i++) {
            List<String> updates = new ArrayList<>();
            for (byte[] u : engine.typingSession(List.of(), "simulated editor " + i + " types along. ".repeat(3)).join()) {
                updates.add(Base64.getEncoder().encodeToString(u));
            }
            scripts.add(updates);
        }
        try (EditorPage typer = new EditorPage("chair-ict"); EditorPage watcher = new EditorPage("member-ict")) {
            typer.signIn().open(doc);
            watcher.signIn().open(doc);
            String used = EditorTransports.check(transport, typer, watcher);
            String[] users = {"chair-ict", "member-ict", "secretariat"};
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, simulated));
            for (int i = 0; i < simulated; i++) {
                int n = i;
                pool.submit(() -> {
                    signIn.as(users[n % users.length]);
                    RecordingEditor me = new RecordingEditor() {
                        @Override
                        public synchronized void deliver(long seq, String updateBase64) {
                            // a simulated editor only counts what it receives
                        }
                    };
                    relay.join(doc, me);
                    try {
                        for (int k = 0; !stop.get(); k++) {
                            List<String> script = scripts.get(n);
                            relay.push(doc, me, "sim-" + n + "-" + k, script.get(k % script.size()), null, 1000 + n);
                            Thread.sleep(300);
                        }
                    } finally {
                        relay.leave(doc, me);
                    }
                    return null;
                });
            }
            String watch = """
                    const ed = document.querySelector('tcw-editor');
                    window.__seen = {};
                    const check = () => {
                      const t = ed.editor.state.doc.textContent;
                      for (let i = 0; i < 60; i++) {
                        const k = 'k' + i + 'q';
                        if (!(k in window.__seen) && t.includes(k)) window.__seen[k] = performance.timeOrigin + performance.now();
                      }
                    };
                    ed.editor.on('update', check);
                    """;
            typer.js(watch);
            watcher.js(watch);
            Thread.sleep(1500);
            typer.caretAtEndOf(0);
            // the timelines (ADR 114) of what is typed from here on
            String timelineOn = "window.tcwTimeline = true; const e = document.querySelector('tcw-editor');"
                    + " e.timeline = { sent: [], received: [] };";
            typer.js(timelineOn);
            watcher.js(timelineOn);
            int tokens = Integer.getInteger("bench.tokens", 40);
            String load0 = Files.readString(Path.of("/proc/loadavg")).trim();
            for (int i = 0; i < tokens; i++) {
                typer.type("k" + i + "q ", 50);
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            String load1 = Files.readString(Path.of("/proc/loadavg")).trim();
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            @SuppressWarnings("unchecked")
            Map<String, Number> sent = (Map<String, Number>) typer.js("return window.__seen");
            @SuppressWarnings("unchecked")
            Map<String, Number> seen = (Map<String, Number>) watcher.js("return window.__seen");
            List<Double> latencies = new ArrayList<>();
            for (var e : sent.entrySet()) {
                Number b = seen.get(e.getKey());
                if (b != null) {
                    latencies.add(b.doubleValue() - e.getValue().doubleValue());
                }
            }
            line("keystroke → other browser, %2d editors (%d simulated), delivery %s the commit, transport %s: n=%d median %.1f ms, p90 %.1f ms, p95 %.1f ms, max %.1f ms; load average %s → %s",
                    editors, simulated, mode, used, latencies.size(), percentile(latencies, 50),
                    percentile(latencies, 90), percentile(latencies, 95), percentile(latencies, 100), load0, load1);
            String read = "return JSON.stringify(document.querySelector('tcw-editor').timeline)";
            KeystrokeTimelineTable table = KeystrokeTimelineTable.of(
                    (String) typer.js(read), (String) watcher.js(read), relay.timeline().of(doc));
            line("timeline per keystroke, %d editors, delivery %s the commit, transport %s (%d keystrokes joined by sequence number):%n%s",
                    editors, mode, used, table.joined(), table.markdown());
        }
    }

    /**
     * Issue 12: keystroke → other browser with 10 editors of whom 5 suggest. The typing browser
     * (chair) is in Suggesting mode; 4 simulated editors are observers marked suggest-only, each
     * typing suggestions of their own into a paragraph of their own (every push goes through the
     * server's suggest-only check on the live replica, ADR 025); 4 simulated editors type plain
     * text; the watching browser (member) only watches. Run alone with
     * {@code bench/documents/suggesting.sh}.
     */
    @Test
    void keystroke_latency_with_10_editors_of_whom_5_suggest() throws Exception {
        try {
            for (String transport : transports()) {
                EditorTransports.use(transport);
                suggestingLatency(transport);
            }
        } finally {
            EditorTransports.reset();
        }
    }

    private void suggestingLatency(String transport) throws Exception {
        YjsEngine engine = RunningApp.bean(YjsEngine.class);
        DocumentCollaboration relay = RunningApp.bean(DocumentCollaboration.class);
        DocumentLog log = RunningApp.bean(DocumentLog.class);
        SignIn signIn = RunningApp.bean(SignIn.class);
        CurrentUser currentUser = RunningApp.bean(CurrentUser.class);
        long doc = RunningApp.newDocument("Suggesting latency " + System.nanoTime());
        int suggesting = 4;
        int plain = 4;
        // the typer's paragraph, then one paragraph per suggesting simulated editor
        for (int i = 0; i <= suggesting; i++) {
            log.append(doc, "p-" + i, engine.typeText(log.content(doc).updates(), "Paragraph " + i + " of the draft.",
                    i > 0).join(), null);
        }
        signIn.as("observer-ict");
        long observer = currentUser.require().personId();
        signIn.as("chair-ict");
        RunningApp.bean(SuggestOnlyService.class).save(doc,
                new SuggestOnlySettings(java.util.EnumSet.of(CommissionRole.OBSERVER), java.util.Set.of()));
        signIn.out();
        List<List<String>> scripts = new ArrayList<>();
        List<byte[]> base = log.content(doc).updates();
        for (int i = 0; i < suggesting; i++) {
            String id = observer + ":" + Long.toString(System.currentTimeMillis(), 36) + ":sim" + i;
            List<String> updates = new ArrayList<>();
            for (byte[] u : engine.suggestingSession(base, "[" + (i + 1) + "]", 0,
                    ("suggested words by simulated observer " + i + ". ").repeat(4), id).join()) {
                updates.add(Base64.getEncoder().encodeToString(u));
            }
            scripts.add(updates);
        }
        for (int i = 0; i < plain; i++) {
            List<String> updates = new ArrayList<>();
            for (byte[] u : engine.typingSession(List.of(), "simulated editor " + i + " types along. ".repeat(3)).join()) {
                updates.add(Base64.getEncoder().encodeToString(u));
            }
            scripts.add(updates);
        }
        int simulated = suggesting + plain;
        try (EditorPage typer = new EditorPage("chair-ict"); EditorPage watcher = new EditorPage("member-ict")) {
            typer.signIn().open(doc);
            watcher.signIn().open(doc);
            String used = EditorTransports.check(transport, typer, watcher);
            typer.js("document.querySelector('tcw-editor').setSuggesting(true)");
            AtomicBoolean stop = new AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger pushed = new java.util.concurrent.atomic.AtomicInteger();
            java.util.Set<Long> suggestOnlySeqs = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.Set<Long> plainSeqs = java.util.concurrent.ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(simulated);
            for (int i = 0; i < simulated; i++) {
                int n = i;
                boolean suggests = n < suggesting;
                pool.submit(() -> {
                    signIn.as(suggests ? "observer-ict" : (n % 2 == 0 ? "member-ict" : "secretariat"));
                    RecordingEditor me = new RecordingEditor() {
                        @Override
                        public synchronized void deliver(long seq, String updateBase64) {
                            // a simulated editor only counts what it receives
                        }
                    };
                    relay.join(doc, me);
                    try {
                        List<String> script = scripts.get(n);
                        // a suggesting session builds on its own previous keystrokes: sent once, in order
                        for (int k = 0; !stop.get() && (!suggests || k < script.size()); k++) {
                            try {
                                long seq = relay.push(doc, me, "sim-" + n + "-" + k, script.get(k % script.size()), null,
                                        1000 + n).seq();
                                (suggests ? suggestOnlySeqs : plainSeqs).add(seq);
                                pushed.incrementAndGet();
                            } catch (RuntimeException e) {
                                refused.incrementAndGet();
                            }
                            Thread.sleep(300);
                        }
                    } finally {
                        relay.leave(doc, me);
                    }
                    return null;
                });
            }
            String watch = """
                    const ed = document.querySelector('tcw-editor');
                    window.__seen = {};
                    const check = () => {
                      const t = ed.editor.state.doc.textContent;
                      for (let i = 0; i < 60; i++) {
                        const k = 'k' + i + 'q';
                        if (!(k in window.__seen) && t.includes(k)) window.__seen[k] = performance.timeOrigin + performance.now();
                      }
                    };
                    ed.editor.on('update', check);
                    """;
            typer.js(watch);
            watcher.js(watch);
            Thread.sleep(1500);
            typer.caretAtEndOf(0);
            // where the time goes: the relay's stages per update (ADR 114) and the engine's calls
            String timelineOn = "window.tcwTimeline = true; const e = document.querySelector('tcw-editor');"
                    + " e.timeline = { sent: [], received: [] };";
            typer.js(timelineOn);
            watcher.js(timelineOn);
            relay.timeline().switchOn();
            engine.profile(true);
            int tokens = 40;
            String load0 = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
            for (int i = 0; i < tokens; i++) {
                typer.type("k" + i + "q ", 50);
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            String load1 = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
            Map<String, List<long[]>> profiled = engine.profiled();
            engine.profile(false);
            relay.timeline().switchOff();
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            @SuppressWarnings("unchecked")
            Map<String, Number> sent = (Map<String, Number>) typer.js("return window.__seen");
            @SuppressWarnings("unchecked")
            Map<String, Number> seen = (Map<String, Number>) watcher.js("return window.__seen");
            List<Double> latencies = new ArrayList<>();
            for (var e : sent.entrySet()) {
                Number b = seen.get(e.getKey());
                if (b != null) {
                    latencies.add(b.doubleValue() - e.getValue().doubleValue());
                }
            }
            Object suggestedByTyper = typer.js("return document.querySelectorAll('tcw-editor ins, tcw-editor [data-type=insertion]').length");
            line("keystroke → other browser, 10 editors of whom 5 suggest (typer in Suggesting mode, 4 simulated suggest-only"
                    + " observers, 4 simulated plain, 1 watcher), transport " + used + ": n=%d of %d, median %.1f ms, p90 %.1f ms, p95 %.1f ms, max %.1f ms;"
                    + " simulated pushes %d, refused %d; typer's suggestion marks in the DOM %s; load average %s → %s",
                    latencies.size(), tokens, percentile(latencies, 50), percentile(latencies, 90),
                    percentile(latencies, 95), percentile(latencies, 100), pushed.get(), refused.get(), suggestedByTyper,
                    load0, load1);
            String read = "return JSON.stringify(document.querySelector('tcw-editor').timeline)";
            List<KeystrokeTimeline.Entry> server = relay.timeline().of(doc);
            KeystrokeTimelineTable table = KeystrokeTimelineTable.of((String) typer.js(read), (String) watcher.js(read),
                    server);
            line("timeline per keystroke of the typer, 10 editors of whom 5 suggest (%d keystrokes joined by sequence"
                    + " number):%n%s", table.joined(), table.markdown());
            line("relay stages per stored update, by whose update it was:%n%s",
                    relayStages(server, suggestOnlySeqs, plainSeqs));
            line("engine calls during the typing (wait: queued behind other calls on its one thread; own: the call"
                    + " itself):%n%s", engineProfile(profiled));
        }
    }

    /** Median / p95 of each relay stage (ms), for the suggest-only simulated updates, the plain ones and the rest (the typer's). */
    static String relayStages(List<KeystrokeTimeline.Entry> server, java.util.Set<Long> suggestOnly, java.util.Set<Long> plain) {
        KeystrokeTimeline.Stage[] st = KeystrokeTimeline.Stage.values();
        StringBuilder out = new StringBuilder("| stage | suggest-only (median / p95) | plain simulated | typer |\n|---|---|---|---|\n");
        for (int i = 1; i < st.length; i++) {
            out.append("| ").append(st[i - 1].name().toLowerCase(Locale.ROOT)).append(" → ")
                    .append(st[i].name().toLowerCase(Locale.ROOT));
            for (int who = 0; who < 3; who++) {
                List<Double> d = new ArrayList<>();
                for (KeystrokeTimeline.Entry e : server) {
                    int w = suggestOnly.contains(e.seq()) ? 0 : plain.contains(e.seq()) ? 1 : 2;
                    if (w == who && e.at()[i] > 0 && e.at()[i - 1] > 0) {
                        d.add(e.at()[i] - e.at()[i - 1]);
                    }
                }
                out.append(d.isEmpty() ? " | – (n=0)" : String.format(Locale.ROOT, " | %.1f / %.1f (n=%d)",
                        percentile(d, 50), percentile(d, 95), d.size()));
            }
            out.append(" |\n");
        }
        out.append("| received → checked, CPU time of the pushing thread");
        for (int who = 0; who < 3; who++) {
            List<Double> d = new ArrayList<>();
            for (KeystrokeTimeline.Entry e : server) {
                int w = suggestOnly.contains(e.seq()) ? 0 : plain.contains(e.seq()) ? 1 : 2;
                if (w == who && e.checkCpuMillis() >= 0) {
                    d.add(e.checkCpuMillis());
                }
            }
            out.append(d.isEmpty() ? " | – (n=0)" : String.format(Locale.ROOT, " | %.2f / %.2f (n=%d)",
                    percentile(d, 50), percentile(d, 95), d.size()));
        }
        out.append(" |\n");
        return out.toString();
    }

    /** Per engine method: calls, total own time, and median / p95 of wait and own time (ms). */
    static String engineProfile(Map<String, List<long[]>> profiled) {
        StringBuilder out = new StringBuilder("| engine call | n | own total ms | wait median / p95 | own median / p95 |\n|---|---|---|---|---|\n");
        profiled.forEach((name, calls) -> {
            List<Double> wait = calls.stream().map(c -> c[0] / 1e6).toList();
            List<Double> own = calls.stream().map(c -> c[1] / 1e6).toList();
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f / %.1f | %.1f / %.1f |%n", name, calls.size(),
                    own.stream().mapToDouble(Double::doubleValue).sum(), percentile(wait, 50), percentile(wait, 95),
                    percentile(own, 50), percentile(own, 95)));
        });
        return out.toString();
    }

    @Test
    void opening_a_long_history_before_and_after_compaction_and_a_large_document() {
        YjsEngine engine = RunningApp.bean(YjsEngine.class);
        DocumentLog log = RunningApp.bean(DocumentLog.class);
        DocumentMaintenance maintenance = RunningApp.bean(DocumentMaintenance.class);
        long doc = RunningApp.newDocument("History " + System.nanoTime());
        String text = "lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(100).substring(0, 5000);
        List<byte[]> history = engine.typingSession(log.content(doc).updates(), text).join();
        for (int i = 0; i < history.size(); i++) {
            log.append(doc, "h-" + i, history.get(i), null);
        }
        long bytes = log.content(doc).bytes();
        try (EditorPage page = new EditorPage("member-ict")) {
            page.signIn();
            long t0 = System.nanoTime();
            page.open(doc);
            double open = (System.nanoTime() - t0) / 1e6;
            line("open a document with %d updates (%d bytes) of history: page + editor ready %.0f ms, join call %.0f ms",
                    history.size(), bytes, open, ((Number) page.stats().get("joinMs")).doubleValue());
            long c0 = System.nanoTime();
            maintenance.compactNow(doc);
            double compaction = (System.nanoTime() - c0) / 1e6;
            DocumentLog.Content content = log.content(doc);
            line("compaction of those %d updates: %.0f ms → state of %d bytes", history.size(), compaction,
                    content.state().length);
            t0 = System.nanoTime();
            page.open(doc);
            open = (System.nanoTime() - t0) / 1e6;
            line("open the same document after compaction: page + editor ready %.0f ms, join call %.0f ms", open,
                    ((Number) page.stats().get("joinMs")).doubleValue());

            long big = RunningApp.newDocument("Large " + System.nanoTime());
            String chars = "The quick brown fox jumps over the lazy dog. ".repeat(2300).substring(0, 100_000);
            log.append(big, "paste", engine.typeText(log.content(big).updates(), chars, false).join(), null);
            t0 = System.nanoTime();
            page.open(big);
            open = (System.nanoTime() - t0) / 1e6;
            line("open a 100,000-character document: page + editor ready %.0f ms, join call %.0f ms (text length %d)",
                    open, ((Number) page.stats().get("joinMs")).doubleValue(), page.text().length());
        }
    }
}
