package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.documents.BenchDocuments;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opening a 100,000-character document in real headless Chromium against the application with the
 * production frontend bundle ({@link RunningApp}, demo profile). Not part of the test suites (no
 * {@code Test}/{@code IT} suffix): run it with {@code bench/documents/open.sh}; results in
 * {@code target/bench/documents-open.txt}.
 *
 * <p>Each round, signed in as {@code member-ict}: (c) a full load of {@code /documents} (baseline
 * page, until its title is painted); (a) a full load of {@code /documents/{id}} ({@code driver.get});
 * (b) in-app navigation: the ICT document list {@code /commissions/ICT/documents} is loaded, then
 * a click on the document's row, timed from the click. A script installed before every document
 * (DevTools {@code Page.addScriptToEvaluateOnNewDocument}) watches the DOM with a
 * {@code MutationObserver}, as the discussion benchmark does: {@code inDom} is when the editor's
 * first paragraph with the document's text is in the DOM, {@code painted} when the frame containing
 * it was painted (next {@code requestAnimationFrame}, then a task posted from it). Times from the
 * navigation start (full load) or from the click (in-app).
 */
class DocumentOpenBench {

    static final int WARMUP = 3;
    static final int RUNS = Integer.getInteger("bench.runs", 9);
    static final String MARKER = "The quick brown fox";

    static final String PROBE = """
            (() => {
              const probe = window.__tcwProbe = {start: 0, marks: {}};
              const watched = {content: () => { const p = document.querySelector('tcw-editor .ProseMirror > p');
                                                 return p && p.textContent.startsWith('%s'); },
                               editorElement: () => !!document.querySelector('tcw-editor'),
                               baseline: () => !!document.querySelector('#documents-title')};
              probe.longTasks = [];
              new PerformanceObserver(list => list.getEntries().forEach(e =>
                  probe.longTasks.push([Math.round(e.startTime - probe.start), Math.round(e.duration)])))
                  .observe({type: 'longtask', buffered: true});
              probe.reset = () => { probe.start = performance.now(); probe.marks = {}; probe.longTasks = []; };
              const check = () => {
                for (const [key, test] of Object.entries(watched)) {
                  if (probe.marks[key] || !test()) { continue; }
                  const mark = probe.marks[key] = {inDom: performance.now() - probe.start, painted: null};
                  requestAnimationFrame(() => setTimeout(() => {
                    mark.painted = performance.now() - probe.start; }, 0));
                }
              };
              new MutationObserver(check).observe(document, {childList: true, subtree: true});
            })();
            """.formatted(MARKER);

    /** What the browser did after the start: Vaadin requests and scripts, long tasks, the join. */
    static final String DETAIL = """
            const start = window.__tcwProbe.start;
            const ed = document.querySelector('tcw-editor');
            const res = performance.getEntriesByType('resource').filter(e => e.startTime >= start - 1
                && (e.name.includes('v-r=') || e.initiatorType === 'script' || e.name.endsWith('.js')));
            return {
              requests: res.map(e => [e.name.replace(/^.*\\//, '').substring(0, 48), Math.round(e.startTime - start),
                                      Math.round(e.responseStart - start), Math.round(e.responseEnd - start),
                                      e.transferSize, e.encodedBodySize]),
              longTasks: window.__tcwProbe.longTasks,
              joinMs: ed && ed.stats ? ed.stats.joinMs : -1,
              joinBytes: ed && ed.stats ? ed.stats.joinBytes : -1,
              path: location.pathname};
            """;

    final List<String> report = new ArrayList<>();

    @Test
    void opening_a_100000_character_document() throws Exception {
        Browsers.requireChromium();
        String title = "Large " + System.nanoTime();
        long doc = RunningApp.newDocument(title);
        String chars = (MARKER + " jumps over the lazy dog. ").repeat(2300).substring(0, 100_000);
        BenchDocuments.paste(doc, chars);
        try (EditorPage page = new EditorPage("member-ict")) {
            ChromeDriver browser = page.driver;
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
            page.signIn();
            String base = page.base;
            report.add(String.format(Locale.ROOT, "%s, Chromium %s, document %d (%d characters), reader member-ict, load: %s",
                    Instant.now(), browser.getCapabilities().getBrowserVersion(), doc, chars.length(), load()));
            List<double[]> full = new ArrayList<>();
            List<double[]> inApp = new ArrayList<>();
            List<double[]> baseline = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                double[] b = fullLoad(browser, base + "documents", "baseline");
                double[] f = fullLoad(browser, base + "documents/" + doc, "content");
                assertThat(page.text()).hasSize(100_000);
                double[] a = inApp(browser, base, title, doc);
                String kind = i < WARMUP ? "warm-up" : "run    ";
                report.add(String.format(Locale.ROOT, "%s %2d: /documents title painted %.0f ms | full load of the document:"
                        + " content in DOM %.0f ms, painted %.0f ms, join %.0f ms | in-app (click in the ICT list):"
                        + " editor element %.0f ms, content in DOM %.0f ms, painted %.0f ms, join %.0f ms",
                        kind, i + 1, b[1], f[0], f[1], f[2], a[3], a[0], a[1], a[2]));
                if (i >= WARMUP) {
                    full.add(f);
                    inApp.add(a);
                    baseline.add(b);
                }
            }
            report.add(summary("(c) full load of /documents (baseline page): title painted", baseline, 1));
            report.add(summary("(a) full load of /documents/{id}: content in the DOM", full, 0));
            report.add(summary("(a) full load of /documents/{id}: content painted", full, 1));
            report.add(summary("(a) full load of /documents/{id}: join round trip", full, 2));
            report.add(summary("(b) in-app from the ICT list: editor element in the DOM", inApp, 3));
            report.add(summary("(b) in-app from the ICT list: content in the DOM", inApp, 0));
            report.add(summary("(b) in-app from the ICT list: content painted", inApp, 1));
            report.add(summary("(b) in-app from the ICT list: join round trip", inApp, 2));
            report.add("load at the end: " + load());
        } finally {
            Files.createDirectories(Path.of("target", "bench"));
            Files.write(Path.of("target", "bench", "documents-open.txt"), report);
            report.forEach(System.out::println);
        }
    }

    private double[] fullLoad(ChromeDriver browser, String url, String key) {
        browser.get(url);
        awaitPainted(browser, key);
        Map<String, Object> m = mark(browser, key);
        Map<String, Object> d = detail(browser, "full " + key);
        return new double[] {num(m.get("inDom")), num(m.get("painted")), num(d.get("joinMs"))};
    }

    private double[] inApp(ChromeDriver browser, String base, String title, long doc) {
        browser.get(base + "commissions/ICT/documents");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> browser.executeScript(
                "return [...document.querySelectorAll('vaadin-grid-cell-content')].some(c => c.textContent === arguments[0])",
                title) == Boolean.TRUE);
        browser.executeScript("""
                window.__tcwProbe.reset();
                [...document.querySelectorAll('vaadin-grid-cell-content')].find(c => c.textContent === arguments[0]).click();
                """, title);
        awaitPainted(browser, "content");
        Map<String, Object> m = mark(browser, "content");
        Map<String, Object> e = mark(browser, "editorElement");
        Map<String, Object> d = detail(browser, "in-app");
        assertThat((String) d.get("path")).isEqualTo("/documents/" + doc);
        return new double[] {num(m.get("inDom")), num(m.get("painted")), num(d.get("joinMs")), num(e.get("inDom"))};
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mark(ChromeDriver browser, String key) {
        return (Map<String, Object>) browser.executeScript("return window.__tcwProbe.marks[arguments[0]]", key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(ChromeDriver browser, String what) {
        Map<String, Object> d = (Map<String, Object>) browser.executeScript(DETAIL);
        assertThat((String) d.get("path")).as("not sent to the login page").doesNotStartWith("/login");
        if (Boolean.getBoolean("bench.detail")) {
            System.out.println("[detail " + what + "] requests [name, start, responseStart, end, transfer, body] "
                    + d.get("requests") + " long tasks [start, duration] " + d.get("longTasks") + " join "
                    + d.get("joinMs") + " ms, " + d.get("joinBytes") + " bytes");
        }
        return d;
    }

    private static void awaitPainted(ChromeDriver browser, String key) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> browser.executeScript(
                "const m = window.__tcwProbe && window.__tcwProbe.marks[arguments[0]];"
                        + " return !!m && m.painted !== null;", key) == Boolean.TRUE);
    }

    private static double num(Object o) {
        return o == null ? -1 : ((Number) o).doubleValue();
    }

    static String summary(String what, List<double[]> runs, int index) {
        double[] v = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        double p90 = v[(int) Math.ceil(0.9 * v.length) - 1];
        return String.format(Locale.ROOT, "%s (%d runs): median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms, all %s",
                what, v.length, median, p90, v[0], v[v.length - 1],
                Arrays.toString(Arrays.stream(v).mapToLong(Math::round).toArray()));
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
