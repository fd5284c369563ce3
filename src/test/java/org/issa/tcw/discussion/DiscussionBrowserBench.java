package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser time to first paint of a 5,000-post thread, in real headless Chromium against the
 * packaged production jar (demo profile). Not part of the test suites (no {@code Test}/{@code IT}
 * suffix): run it with {@code bench/discussion/browser.sh}, results in
 * {@code target/benchmarks-discussion-browser.txt}.
 *
 * <p>The jar runs on an H2 file database in a temporary directory with {@code AUTO_SERVER=TRUE},
 * so the benchmark can add the thread through JDBC while the application runs: one thread in ICT
 * with 5,000 posts (Markdown rendered and sanitized as a real post). Then {@code observer-ict}
 * signs in through the login form; then, {@value #WARMUP} warm-up and (by default) 11 measured
 * rounds of: a full page load of {@code /notifications} (baseline), a full page load of
 * {@code /discussions/{id}} ({@code driver.get}), and an in-app navigation (the ICT thread list,
 * then a click on the thread's title, timed from the click). A script installed before every document (DevTools
 * {@code Page.addScriptToEvaluateOnNewDocument}) watches the DOM with a {@code MutationObserver};
 * times are from the navigation start ({@code performance.now()} is relative to it):
 * <ul>
 * <li>{@code inDom}: the first post element ({@code .tcw-post}) is in the document;</li>
 * <li>{@code painted}: the frame that contains it was painted — the next {@code requestAnimationFrame}
 * callback, then a task posted from it (runs after that frame's paint);</li>
 * <li>{@code fcp}: the Paint Timing API's {@code first-contentful-paint} (the first text of the
 * page: the application shell, before the posts arrive).</li>
 * </ul>
 */
class DiscussionBrowserBench {

    static final int POSTS = Integer.getInteger("bench.posts", 5000);
    static final int WARMUP = 3;
    static final int RUNS = Integer.getInteger("bench.runs", 11);

    /**
     * Installed before every document: for each watched selector, when its first element enters the
     * DOM ({@code inDom}) and when the frame containing it has been painted ({@code painted}: next
     * animation frame, then a task posted from it), in ms from {@code start} (0 = navigation start).
     */
    static final String PROBE = """
            (() => {
              const probe = window.__tcwProbe = {start: 0, marks: {}};
              const watched = {post: '.tcw-post', page: '#posts > .tcw-post:nth-child(30)',
                  notifications: '#notifications-title'};
              probe.longTasks = [];
              new PerformanceObserver(list => list.getEntries().forEach(e =>
                  probe.longTasks.push([Math.round(e.startTime), Math.round(e.duration)])))
                  .observe({type: 'longtask', buffered: true});
              probe.reset = () => { probe.start = performance.now(); probe.marks = {}; probe.longTasks = []; };
              const check = () => {
                for (const [key, selector] of Object.entries(watched)) {
                  if (probe.marks[key] || !document.querySelector(selector)) { continue; }
                  const mark = probe.marks[key] = {inDom: performance.now() - probe.start, painted: null};
                  requestAnimationFrame(() => setTimeout(() => {
                    mark.painted = performance.now() - probe.start; }, 0));
                }
              };
              new MutationObserver(check).observe(document, {childList: true, subtree: true});
            })();
            """;

    final List<String> report = new ArrayList<>();

    @Test
    void time_to_first_paint_of_a_5000_post_thread() throws Exception {
        Chromium.requireInstalled();
        String jar = System.getProperty("app.jar", "target/tc-workspace-0.1.0-SNAPSHOT.jar");
        assertThat(new File(jar)).as("the packaged jar (./mvnw -o package -DskipTests)").isFile();
        Path dir = Files.createTempDirectory("tcw-browser-bench");
        String dbUrl = "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "browser-bench-app.log");
        Process app = new ProcessBuilder(javaBin, "-Xmx768m", "-jar", jar, "--server.address=127.0.0.1",
                "--server.port=" + port, "--spring.datasource.url=" + dbUrl).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ChromeDriver browser = null;
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(app, base, log);
            long thread = seed(dbUrl);
            browser = Chromium.start();
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
            signIn(browser, base, "observer-ict");
            report.add(String.format(Locale.ROOT, "%s, Chromium %s, %d-post thread %d, reader observer-ict, uptime: %s",
                    Instant.now(), browser.getCapabilities().getBrowserVersion(), POSTS, thread, uptime()));
            List<double[]> measured = new ArrayList<>();
            List<double[]> shell = new ArrayList<>();
            List<double[]> inApp = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                double[] n = open(browser, base + "/notifications", "notifications");
                double[] t = open(browser, base + "/discussions/" + thread, "post");
                double[] a = inApp(browser, base, thread);
                String kind = i < WARMUP ? "warm-up" : "run    ";
                report.add(String.format(Locale.ROOT, "%s %2d: full load: first post in DOM %.0f ms, painted %.0f ms,"
                        + " FCP %.0f ms, HTML response end %.0f ms, DOMContentLoaded %.0f ms, Vaadin init request"
                        + " %.0f-%.0f ms, posts on the page %d, all 30 painted %.0f ms | /notifications title painted"
                        + " %.0f ms | in-app (click in the thread list): first post in DOM %.0f ms, painted %.0f ms,"
                        + " all 30 painted %.0f ms", kind, i + 1, t[0], t[1], t[2], t[3], t[4], t[5], t[6], (long) t[7],
                        t[8], n[1], a[0], a[1], a[2]));
                if (i >= WARMUP) {
                    measured.add(t);
                    shell.add(n);
                    inApp.add(a);
                }
            }
            report.add(summary("full load of /discussions/{id}: first post in the DOM", measured, 0));
            report.add(summary("full load of /discussions/{id}: first post painted", measured, 1));
            report.add(summary("full load of /discussions/{id}: first contentful paint", measured, 2));
            report.add(summary("full load of /discussions/{id}: Vaadin init response end", measured, 6));
            report.add(summary("full load of /discussions/{id}: all 30 posts of the page painted", measured, 8));
            report.add(summary("full load of /notifications (baseline page): title painted", shell, 1));
            report.add(summary("in-app navigation from the thread list: first post in the DOM", inApp, 0));
            report.add(summary("in-app navigation from the thread list: first post painted", inApp, 1));
            report.add(summary("in-app navigation from the thread list: all 30 posts of the page painted", inApp, 2));
            report.add("uptime at the end: " + uptime());
            report.add(reactInBrowser(browser, base, thread));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            app.destroy();
            if (!app.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/benchmarks-discussion-browser.txt"), report);
            report.forEach(System.out::println);
        }
    }

    /** A full page load ({@code driver.get}); waits until the probe saw {@code key}'s element painted. */
    private static double[] open(ChromeDriver browser, String url, String key) {
        browser.get(url);
        awaitPainted(browser, key);
        if ("post".equals(key)) {
            awaitPainted(browser, "page");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) browser.executeScript("""
                const mark = window.__tcwProbe.marks[arguments[0]];
                const page = window.__tcwProbe.marks.page;
                const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                const nav = performance.getEntriesByType('navigation')[0];
                const init = performance.getEntriesByType('resource').find(e => e.name.includes('v-r=init'));
                return {inDom: mark.inDom, painted: mark.painted, pagePainted: page ? page.painted : -1, fcp: fcp ? fcp.startTime : -1,
                        html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd,
                        initStart: init ? init.startTime : -1, initEnd: init ? init.responseEnd : -1,
                        posts: document.querySelectorAll('.tcw-post').length, path: location.pathname,
                        detail: 'requests ' + JSON.stringify(performance.getEntriesByType('resource')
                            .filter(e => e.name.includes('v-r=') || e.initiatorType === 'script')
                            .map(e => [e.name.replace(/^.*\\//, '').substring(0, 40), Math.round(e.startTime),
                                       Math.round(e.responseEnd), e.transferSize]))
                            + ' long tasks ' + JSON.stringify(window.__tcwProbe.longTasks)};
                """, key);
        if ("post".equals(key) && Boolean.getBoolean("bench.detail")) {
            System.out.println("[detail] " + r.get("detail"));
        }
        assertThat((String) r.get("path")).as("not sent to the login page").doesNotStartWith("/login");
        return new double[] {num(r.get("inDom")), num(r.get("painted")), num(r.get("fcp")), num(r.get("html")),
                num(r.get("dcl")), num(r.get("initStart")), num(r.get("initEnd")), num(r.get("posts")),
                num(r.get("pagePainted"))};
    }

    /**
     * In-app navigation, as a reader usually arrives: the ICT thread list is loaded, then a click on
     * the thread's title (the server navigates, the browser applies the response); timed from the
     * click.
     */
    private static double[] inApp(ChromeDriver browser, String base, long thread) {
        browser.get(base + "/commissions/ICT/discussions");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("thread-title-" + thread)));
        browser.executeScript("window.__tcwProbe.reset(); document.getElementById(arguments[0]).click();",
                "thread-title-" + thread);
        awaitPainted(browser, "post");
        awaitPainted(browser, "page");
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) browser.executeScript(
                "const m = window.__tcwProbe.marks.post; return {inDom: m.inDom, painted: m.painted,"
                        + " page: window.__tcwProbe.marks.page.painted, path: location.pathname};");
        assertThat((String) r.get("path")).isEqualTo("/discussions/" + thread);
        return new double[] {num(r.get("inDom")), num(r.get("painted")), num(r.get("page"))};
    }

    /**
     * The native reaction buttons work in a real browser: on the opened page (the last posts, all
     * read by now) the reader reacts to the 30th post, which came with the rest of the page after
     * the first paint, and sees the count.
     */
    private static String reactInBrowser(ChromeDriver browser, String base, long thread) {
        browser.get(base + "/discussions/" + thread);
        awaitPainted(browser, "page");
        // only given reactions are shown: "add a reaction" opens the picker (ADR 082)
        var add = browser.findElement(By.cssSelector("#posts > .tcw-post:nth-child(30) button[id^='react-add-']"));
        String seq = add.getAttribute("id").substring("react-add-".length());
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", add);
        var pick = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("react-pick-" + seq + "-HEART")).stream().findFirst().orElse(null));
        browser.executeScript("arguments[0].click();", pick);
        String id = "react-" + seq + "-HEART";
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            var b = browser.findElements(By.id(id));
            return !b.isEmpty() && b.getFirst().getText().endsWith(" 1")
                    && b.getFirst().getAttribute("class").contains("tcw-reaction-mine");
        });
        return "check: clicked " + id + " in Chromium, it shows 1 and is marked as the reader's own";
    }

    private static void awaitPainted(ChromeDriver browser, String key) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> browser.executeScript(
                "const m = window.__tcwProbe && window.__tcwProbe.marks[arguments[0]];"
                        + " return !!m && m.painted !== null;", key) == Boolean.TRUE);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static void signIn(ChromeDriver browser, String base, String username) {
        browser.get(base + "/login");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")));
        browser.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Adds a thread of {@link #POSTS} posts in ICT by {@code member-ict}, through JDBC. */
    private static long seed(String dbUrl) throws Exception {
        try (Connection db = DriverManager.getConnection(dbUrl, "sa", "")) {
            db.setAutoCommit(false);
            long commission = single(db, "select id from commission where code = 'ICT'");
            long author = single(db, "select id from person where username = 'member-ict'");
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement t = db.prepareStatement("""
                    insert into discussion_thread (commission_id, commission_code, title, author_id, created_at,
                        last_post_at, last_seq, reply_count) values (?, 'ICT', ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"})) {
                t.setLong(1, commission);
                t.setString(2, "Browser benchmark: " + POSTS + " posts");
                t.setLong(3, author);
                t.setTimestamp(4, now);
                t.setTimestamp(5, now);
                t.setLong(6, POSTS);
                t.setInt(7, POSTS - 1);
                t.executeUpdate();
                long thread;
                try (ResultSet keys = t.getGeneratedKeys()) {
                    keys.next();
                    thread = keys.getLong(1);
                }
                try (PreparedStatement p = db.prepareStatement("""
                        insert into discussion_post (thread_id, commission_id, seq, author_id, body, html, created_at,
                            deleted, version)
                        select t.id, t.commission_id, ?, ?, ?, ?, ?, false, 0 from discussion_thread t where t.id = ?
                        """)) {
                    for (int seq = 1; seq <= POSTS; seq++) {
                        String body = "Post " + seq + ": **progress** on item " + seq + " — see https://www.issa.int";
                        p.setLong(1, seq);
                        p.setLong(2, author);
                        p.setString(3, body);
                        p.setString(4, PostMarkdown.render(body));
                        p.setTimestamp(5, now);
                        p.setLong(6, thread);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                db.commit();
                return thread;
            }
        }
    }

    private static long single(Connection db, String sql) throws Exception {
        try (var s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void awaitHealthy(Process app, String base, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The application exited during start-up; see " + log.toAbsolutePath());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(base + "/actuator/health").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The application did not become healthy; see " + log.toAbsolutePath());
    }

    private static String summary(String what, List<double[]> runs, int index) {
        double[] v = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        double p90 = v[(int) Math.ceil(0.9 * v.length) - 1];
        return String.format(Locale.ROOT, "%s (%d runs): median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms, all %s",
                what, v.length, median, p90, v[0], v[v.length - 1], Arrays.toString(
                        Arrays.stream(v).mapToLong(Math::round).toArray()));
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
