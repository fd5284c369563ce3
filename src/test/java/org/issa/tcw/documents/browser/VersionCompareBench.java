package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.RecordingEditor;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Comparing two versions of a 100,000-character document (10 sections of 20 paragraphs), the
 * second with 20 paragraphs edited, 5 removed and 3 added: (a) in the app, from the click on
 * "Compare with now" to the painted diff in {@code <tcw-version-diff>}, and the diff editor's own
 * part (states received → painted); (b) the server's compare (states and text summary); (c) the
 * storage of a version. Not part of the test suites (no Test/IT suffix): run it with
 * {@code bench/documents/versions.sh}; results in {@code target/bench/versions-compare.txt}.
 */
class VersionCompareBench {

    static final int WARMUP = 2;
    static final int RUNS = Integer.getInteger("bench.runs", 7);

    final List<String> report = new ArrayList<>();

    @Test
    void comparing_two_versions_of_a_100000_character_document() throws Exception {
        Browsers.requireChromium();
        long doc = RunningApp.newDocument("Versions bench " + System.nanoTime());
        SignIn signIn = RunningApp.bean(SignIn.class);
        DocumentCollaboration relay = RunningApp.bean(DocumentCollaboration.class);
        YjsEngine engine = RunningApp.bean(YjsEngine.class);
        DocumentVersions versions = RunningApp.bean(DocumentVersions.class);
        RecordingEditor editor = new RecordingEditor();
        String sentence = "The committee reviewed the draft guideline and agreed on the next steps for members. ";
        String paragraph = sentence.repeat(6).substring(0, 495);
        long v1;
        long v2;
        int chars;
        signIn.as("chair-ict");
        try {
            StringBuilder ops = new StringBuilder("[");
            int at = 1;
            for (int s = 0; s < 10; s++) {
                ops.append(block(at++, "heading", "{\"level\":1}", "Section " + (s + 1))).append(',');
                for (int p = 0; p < 20; p++) {
                    ops.append(block(at++, "paragraph", "{}", paragraph)).append(',');
                }
            }
            ops.setLength(ops.length() - 1);
            ops.append(']');
            push(relay, engine, editor, doc, ops.toString());
            chars = engine.render(relay.read(doc, log -> log)).join().text().replace("\n", "").length();
            v1 = versions.name(doc, "Bench v1");
            StringBuilder edits = new StringBuilder("[");
            for (int i = 0; i < 20; i++) {
                int index = 2 + i * 10;
                edits.append("{\"op\":\"insert\",\"path\":[").append(index).append("],\"at\":100,\"text\":\"")
                        .append("an inserted clause of about forty chars ").append("\"},");
            }
            for (int i = 0; i < 5; i++) {
                edits.append("{\"op\":\"removeBlock\",\"at\":").append(150 - i * 20).append("},");
            }
            for (int i = 0; i < 3; i++) {
                edits.append(block(30 + i * 50, "paragraph", "{}", "A new paragraph added for the second version."))
                        .append(',');
            }
            edits.setLength(edits.length() - 1);
            edits.append(']');
            push(relay, engine, editor, doc, edits.toString());
            v2 = versions.name(doc, "Bench v2");
            long docBytes = relay.read(doc, log -> log.stream().mapToLong(u -> u.length).sum());
            report.add(String.format(Locale.ROOT, "%s, document %d: %d characters of text, its Yjs log %d bytes, load %s",
                    Instant.now(), doc, chars, docBytes, DocumentOpenBench.load()));
            report.add(String.format(Locale.ROOT, "(c) storage per version (Y.encodeStateAsUpdateV2): v1 %d bytes, v2 %d bytes"
                    + " (+ the outline text: about the document's characters)", versions.storedBytes(doc, v1),
                    versions.storedBytes(doc, v2)));
            List<double[]> server = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long t0 = System.nanoTime();
                var c = versions.compare(doc, v1, v2);
                double ms = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                versions.compare(doc, v1, null);
                double withNow = (System.nanoTime() - t1) / 1e6;
                if (i == 0) {
                    report.add(String.format(Locale.ROOT, "summary: +%d words, -%d words; sections %s", c.wordsAdded(),
                            c.wordsRemoved(), c.sections()));
                }
                if (i >= WARMUP) {
                    server.add(new double[] {ms, withNow});
                }
            }
            report.add(DocumentOpenBench.summary("(b) server compare v1 with v2 (states read, text summary)", server, 0));
            report.add(DocumentOpenBench.summary("(b) server compare v1 with now (current state computed by the engine)",
                    server, 1));
        } finally {
            signIn.out();
        }
        try (EditorPage page = new EditorPage("member-ict")) {
            page.signIn().open(doc);
            List<double[]> inApp = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                page.js("""
                        window.__diff = {start: performance.now(), painted: null};
                        document.addEventListener('tcw-diff-rendered', e => { window.__diff.painted = performance.now();
                            window.__diff.own = e.detail.ms; }, {once: true});
                        document.querySelector("[id='version-compare-now-%d']").click();""".formatted(v1));
                new WebDriverWait(page.driver, Duration.ofSeconds(60)).until(d -> page.js(
                        "return window.__diff.painted") != null);
                double total = ((Number) page.js("return window.__diff.painted - window.__diff.start")).doubleValue();
                double own = ((Number) page.js("return window.__diff.own")).doubleValue();
                long added = ((Number) page.js("return document.querySelectorAll("
                        + "'tcw-version-diff [data-ychange=added]').length")).longValue();
                long removed = ((Number) page.js("return document.querySelectorAll("
                        + "'tcw-version-diff [data-ychange=removed]').length")).longValue();
                assertThat(added).isPositive();
                assertThat(removed).isPositive();
                report.add(String.format(Locale.ROOT, "%s %2d: click to painted diff %.0f ms (diff editor: %.0f ms);"
                        + " %d added and %d removed marks/blocks", i < WARMUP ? "warm-up" : "run    ", i + 1, total, own,
                        added, removed));
                if (i >= WARMUP) {
                    inApp.add(new double[] {total, own});
                }
                page.js("document.querySelector('#version-diff-close').click()");
                new WebDriverWait(page.driver, Duration.ofSeconds(10)).until(d -> page.js(
                        "return document.querySelector('tcw-version-diff')") == null);
            }
            report.add(DocumentOpenBench.summary("(a) in-app: click on Compare with now to painted diff", inApp, 0));
            report.add(DocumentOpenBench.summary("(a) of which the diff editor (states received to painted)", inApp, 1));
            report.add("load at the end: " + DocumentOpenBench.load());
        } finally {
            Files.createDirectories(Path.of("target", "bench"));
            Files.write(Path.of("target", "bench", "versions-compare.txt"), report);
            report.forEach(System.out::println);
        }
    }

    private static String block(int at, String name, String attrs, String text) {
        return "{\"op\":\"block\",\"at\":" + at + ",\"name\":\"" + name + "\",\"attrs\":" + attrs + ",\"text\":\""
                + text + "\"}";
    }

    private static void push(DocumentCollaboration relay, YjsEngine engine, RecordingEditor editor, long doc,
            String ops) {
        byte[] update = engine.edit(relay.read(doc, log -> log), ops).join();
        relay.push(doc, editor, "bench-" + System.nanoTime(), Base64.getEncoder().encodeToString(update), null, 1);
    }
}
