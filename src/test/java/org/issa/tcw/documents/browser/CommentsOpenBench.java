package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ApplicationContext;

/**
 * Opening a document with 500 comments and 200 suggestions (500 paragraphs, one comment each, a
 * suggested insertion at the start of each of the first 200) in headless Chromium
 * against the application with the production frontend bundle. Not part of the test suites: run it
 * with {@code bench/documents/comments.sh}; results in {@code target/bench/comments-open.txt}.
 *
 * <p>Each round, signed in as {@code member-ict}, a full load of {@code /documents/{id}}; a script
 * installed before the page watches the DOM: {@code content} when the editor's first paragraph is
 * in the DOM, {@code highlights} when all 500 ranges are highlighted, {@code panel} when the panel
 * lists 500 comments; each also when that frame was painted. Then, in the open page, the time to
 * resolve all 2 × 500 relative positions again (what follows every change, debounced).
 */
class CommentsOpenBench {

    static final int COMMENTS = Integer.getInteger("bench.comments", 500);
    static final int SUGGESTIONS = Integer.getInteger("bench.suggestions", 200);
    static final int WARMUP = 2;
    static final int RUNS = Integer.getInteger("bench.runs", 7);

    static final String PROBE = """
            (() => {
              const probe = window.__tcwProbe = {start: 0, marks: {}, longTasks: []};
              new PerformanceObserver(list => list.getEntries().forEach(e =>
                  probe.longTasks.push([Math.round(e.startTime), Math.round(e.duration)])))
                  .observe({type: 'longtask', buffered: true});
              customElements.whenDefined('tcw-editor').then(() => { probe.defined = performance.now(); });
              const n = %d;
              const s = %d;
              const watched = {
                content: () => !!document.querySelector('tcw-editor :is(.ProseMirror, .tcw-preview) > p'),
                editor: () => !!document.querySelector('tcw-editor .ProseMirror > p'),
                highlights: () => document.querySelectorAll('tcw-editor .tcw-comment').length >= n,
                panel: () => document.querySelectorAll('#comment-list .tcw-comment-card').length >= n,
                suggestions: () => document.querySelectorAll('#suggestion-items .tcw-suggestion-item').length >= s};
              const check = () => {
                for (const [key, test] of Object.entries(watched)) {
                  if (probe.marks[key] || !test()) { continue; }
                  const mark = probe.marks[key] = {inDom: performance.now() - probe.start, painted: null};
                  requestAnimationFrame(() => setTimeout(() => { mark.painted = performance.now() - probe.start; }, 0));
                }
              };
              new MutationObserver(check).observe(document, {childList: true, subtree: true, attributes: true,
                                                             attributeFilter: ['class']});
            })();
            """.formatted(COMMENTS, SUGGESTIONS);

    final List<String> report = new ArrayList<>();

    @Test
    void opening_a_document_with_500_comments() throws Exception {
        Browsers.requireChromium();
        long kept = Long.getLong("bench.document", 0L);
        if (kept > 0) { // the fixture of an earlier run, in its database (-Dtcw.it.database)
            RunningApp.url();
            report.add(String.format(Locale.ROOT, "%s, document %d of an earlier run (%d comments, %d suggestions), load %s",
                    Instant.now(), kept, COMMENTS, SUGGESTIONS, DocumentOpenBench.load()));
            open(kept);
            return;
        }
        long doc = RunningApp.newDocument("Reviewed " + System.nanoTime());
        ApplicationContext context = RunningApp.context();
        long t0 = System.nanoTime();
        for (int i = 0; i < COMMENTS; i++) {
            DocumentFixtures.type(context, doc, "Point " + i + " of the review: the quick brown fox jumps over the lazy dog.",
                    i > 0);
            if (i % 50 == 49) {
                DocumentFixtures.compact(context, doc); // as the background maintenance would
            }
        }
        SignIn signIn = RunningApp.bean(SignIn.class);
        DocumentComments comments = RunningApp.bean(DocumentComments.class);
        signIn.as("chair-ict");
        long chair = RunningApp.bean(CurrentUser.class).require().personId();
        for (int i = 0; i < SUGGESTIONS; i++) { // one open suggestion at the start of each of the first paragraphs
            DocumentFixtures.suggest(context, doc, i, 0, "Suggested " + i + ". ",
                    chair + ":" + Long.toString(System.currentTimeMillis(), 36) + ":b" + i);
            if (i % 50 == 49) {
                DocumentFixtures.compact(context, doc);
            }
        }
        DocumentFixtures.compact(context, doc);
        long t1 = System.nanoTime();
        List<Long> perComment = new ArrayList<>();
        try {
            for (int i = 0; i < COMMENTS; i++) {
                List<String> anchor = DocumentFixtures.anchor(context, doc, "Point " + i + " of");
                long s = System.nanoTime();
                comments.comment(doc, anchor.get(0), anchor.get(1), "Comment **" + i + "** on this point");
                perComment.add((System.nanoTime() - s) / 1_000_000);
            }
        } finally {
            signIn.out();
        }
        report.add(String.format(Locale.ROOT, "%s, document %d: %d paragraphs typed (then compacted) with %d suggestions in %d ms, %d comments created in %d ms"
                + " (server, per comment incl. the anchor check in GraalJS: %s), load %s", Instant.now(), doc, COMMENTS, SUGGESTIONS,
                (t1 - t0) / 1_000_000, COMMENTS, (System.nanoTime() - t1) / 1_000_000, stats(perComment), DocumentOpenBench.load()));
        open(doc);
    }

    /** Opens the document WARMUP + RUNS times and reports when each part was painted. */
    private void open(long doc) throws Exception {
        try (EditorPage page = new EditorPage("member-ict")) {
            ChromeDriver browser = page.driver;
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
            page.signIn();
            List<double[]> runs = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                browser.get(page.base + "documents/" + doc);
                new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> browser.executeScript(
                        "const m = window.__tcwProbe.marks; return ['content', 'editor', 'highlights', 'panel', 'suggestions']"
                                + ".every(k => m[k] && m[k].painted !== null)") == Boolean.TRUE);
                double content = painted(browser, "content");
                double editorPainted = painted(browser, "editor");
                double highlights = painted(browser, "highlights");
                double panel = painted(browser, "panel");
                double listed = painted(browser, "suggestions");
                report.add(breakdown(browser));
                double resolve = ((Number) browser.executeScript("""
                        const ed = document.querySelector('tcw-editor');
                        const t = performance.now();
                        ed.focusComment(-1);
                        return performance.now() - t;""")).doubleValue();
                assertThat(page.js("return Object.values(document.querySelector('tcw-editor').commentRanges())"
                        + ".filter(r => r).length")).isEqualTo((long) COMMENTS);
                assertThat(page.js("return document.querySelector('tcw-editor').commentResolverMismatches().length"))
                        .as("the batched resolution places every range where y-tiptap's does").isEqualTo(0L);
                report.add(String.format(Locale.ROOT, "%s %d: content painted %.0f ms (stored HTML or editor), editor's own"
                        + " content %.0f ms, %d highlights painted %.0f ms, panel with %d comments painted %.0f ms,"
                        + " %d suggestions listed %.0f ms, resolving all ranges again %.1f ms",
                        i < WARMUP ? "warm-up" : "run    ", i + 1, content, editorPainted, COMMENTS, highlights, COMMENTS,
                        panel, SUGGESTIONS, listed, resolve));
                if (i >= WARMUP) {
                    runs.add(new double[] {content, highlights, panel, resolve, listed, editorPainted});
                }
            }
            report.add(DocumentOpenBench.summary("content painted (the stored HTML, or the editor if first)", runs, 0));
            report.add(DocumentOpenBench.summary("the editor's own content painted", runs, 5));
            report.add(DocumentOpenBench.summary("all highlights painted", runs, 1));
            report.add(DocumentOpenBench.summary("panel listing every comment painted", runs, 2));
            report.add(DocumentOpenBench.summary("resolving all 2 x " + COMMENTS + " relative positions again", runs, 3));
            report.add(DocumentOpenBench.summary("review list with every suggestion painted", runs, 4));
        } finally {
            Files.createDirectories(Path.of("target", "bench"));
            Files.write(Path.of("target", "bench", "comments-open.txt"), report);
            report.forEach(System.out::println);
        }
    }

    /**
     * Where the time to the content went, from the navigation start: the page's HTML, Vaadin's
     * bootstrap scripts, the first UIDL response (server time = its response start - request start,
     * and its size), the editor's chunk, when {@code <tcw-editor>} was defined and when the editor's code
     * (TipTap and Yjs, imported after the first paint since ADR 028's second amendment) was requested, long tasks.
     */
    @SuppressWarnings("unchecked")
    private static String breakdown(ChromeDriver browser) {
        Map<String, Object> d = (Map<String, Object>) browser.executeScript(DocumentOpenBench.DETAIL
                .replace("return {", "const nav = performance.getEntriesByType('navigation')[0]; return {"
                        + " nav: [Math.round(nav.responseStart), Math.round(nav.responseEnd),"
                        + " Math.round(nav.domContentLoadedEventEnd)], defined: Math.round(window.__tcwProbe.defined || -1),"
                        + " code: Math.round((performance.getEntriesByType('resource')"
                        + ".find(e => e.name.includes('tcw-editor-code')) || {startTime: -1}).startTime),"));
        return "      html [responseStart, responseEnd, DOMContentLoaded] " + d.get("nav") + ", tcw-editor defined at "
                + d.get("defined") + " ms, the editor's code (tcw-editor-code, loaded after the first paint) requested at "
                + d.get("code") + " ms; requests [name, start, responseStart, end, transfer, body] " + d.get("requests")
                + "; long tasks [start, duration] " + d.get("longTasks") + "; join " + d.get("joinMs") + " ms, "
                + d.get("joinBytes") + " bytes";
    }

    private static double painted(ChromeDriver browser, String key) {
        return ((Number) browser.executeScript("return window.__tcwProbe.marks[arguments[0]].painted", key)).doubleValue();
    }

    private static String stats(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "median %d ms, p95 %d ms, max %d ms", v[v.length / 2],
                v[(int) Math.ceil(0.95 * v.length) - 1], v[v.length - 1]);
    }
}
