package org.issa.tcw.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.NewThread;
import org.issa.tcw.documents.BenchDocuments;
import org.issa.tcw.documents.browser.Browsers;
import org.issa.tcw.documents.browser.RunningApp;
import org.issa.tcw.testsupport.Chromium;
import org.issa.tcw.testsupport.LiveObjects;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.env.Environment;

/**
 * Live heap per signed-in page (issue 19, "Memory per session"). Not part of the test suites (no
 * {@code Test}/{@code IT} suffix): run it with {@code bench/memory/run.sh}; results in
 * {@code target/bench/memory.txt}.
 *
 * <p>The application runs in this JVM ({@link RunningApp}: demo profile, production frontend
 * bundle, 127.0.0.1). One headless Chromium holds {@code N} (default 40, {@code -Dbench.sessions})
 * tabs, each reaching the application under a host name of its own ({@code s1.tcw.test},
 * {@code s2.tcw.test}, ..., all mapped to 127.0.0.1 by Chromium's {@code --host-resolver-rules}):
 * cookies and storage are per host, so each tab is a separate person to the server, with its own
 * HTTP session and Vaadin UI, as a separate browser profile would be. (DevTools browser contexts
 * would be the other way, but chromedriver refuses {@code Target.createBrowserContext}.) The
 * tabs sign in through the login form with the demo accounts
 * {@code chair-ict}, {@code member-ict}, {@code observer-ict} and {@code secretariat} in turn
 * (several sessions per account, one per tab). The live heap is read with
 * the class histogram ({@code GC.class_histogram}, the diagnostic command {@code jcmd} runs, here
 * through its MBean in this JVM), which runs a full GC first and counts only reachable objects; the figure per session is (live heap in a phase − live heap before any session) / N.
 *
 * <p>Phases: (0) before: the application started and warmed (each of the four accounts visited
 * every page once in a tab of its own, then the tab showed a blank page and its idle connections
 * closed); (1) idle: every tab signed in and left on the home page; (1b) the same
 * after the server's keep-alive timeout has closed the browser's idle HTTP connections (only each
 * page's WebSocket stays open), which separates what a connection costs from what a person costs
 * ({@link #idleConnectionsGone()}); (2) editor:
 * every tab on the same 10,000-character ICT document ({@code /documents/{id}}, a full page
 * load, as a person opening a link); (3) thread: every tab on a 200-post ICT thread; (4) closed:
 * every tab closed (as a person closes it: the page's unload beacon runs), {@value #AFTER_CLOSE_SECONDS} s later — what closed tabs leave behind;
 * (5) the same after the keep-alive timeout: what a person who closed every tab costs until the
 * HTTP session ends. For each phase the report gives KB per session, the number of live Vaadin UIs
 * and HTTP sessions, of open connections, WebSockets and Atmosphere resources, of Tomcat's NIO
 * channels and HTTP processors (open or busy ones and those its caches keep for reuse), and the
 * top of the class histogram's difference from phase 0 (what dominates). With {@code -Dbench.pages=false}
 * phases 2 and 3 are left out (a shorter run for changes to the shell, the home page or the sign-in).
 */
class MemoryPerSessionBench {

    static final int SESSIONS = Integer.getInteger("bench.sessions", 40);
    static final int TOP = Integer.getInteger("bench.top", 20);
    static final int AFTER_CLOSE_SECONDS = 10;
    /** {@code -Dbench.pages=false}: phases 1, 1b, 4 and 5 only (the home page and closed tabs; no editor, no thread). */
    static final boolean PAGES = Boolean.parseBoolean(System.getProperty("bench.pages", "true"));
    /** Where the baseline's histogram is kept during the run (out of the measured heap). */
    static final Path BASELINE = Path.of("target", "bench", "memory-baseline-histogram.txt");
    static final List<String> ACCOUNTS = List.of("chair-ict", "member-ict", "observer-ict", "secretariat");

    final List<String> report = new ArrayList<>();

    @Test
    void live_heap_per_signed_in_page() throws Exception {
        Browsers.requireChromium();
        // the long thread is written through the service as one author; lift the posting rate for it
        System.setProperty("tcw.discussion.posts-per-minute", "1000000");
        long documentId = RunningApp.newDocument("Memory bench " + System.nanoTime());
        BenchDocuments.paste(documentId, "Social security administrations share their experience. ".repeat(180)
                .substring(0, 10_000));
        long threadId = longThread(200);
        int port = RunningApp.port();
        ChromeDriver browser = Chromium.start(options -> options.addArguments("--window-size=1100,900",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows", "--host-resolver-rules=MAP *.tcw.test 127.0.0.1"));
        try {
            report.add(String.format(Locale.ROOT, "%s, %d sessions, Chromium %s, JDK %s, max heap %d MB, load %s",
                    Instant.now(), SESSIONS, browser.getCapabilities().getBrowserVersion(),
                    Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, load()));
            // warm-up: every page once as every account, so that what is cached per class, per query or
            // per role (e.g. the secretariat's home page) is in the baseline, not in the sessions
            String first = browser.getWindowHandle();
            for (String account : ACCOUNTS) {
                String warm = "http://warm-" + account + ".tcw.test:" + port + "/";
                signIn(browser, warm, account);
                visit(browser, warm + "documents/" + documentId, EDITOR);
                visit(browser, warm + "discussions/" + threadId, THREAD);
                visit(browser, warm, HOME);
                browser.get("about:blank");
            }
            // and the warm-up's idle connections closed, so that their end does not count in a phase
            Thread.sleep(idleConnectionsGone().toMillis());

            // The baseline is kept in a file, not in this JVM's heap: while a reading is taken, no earlier
            // reading may be reachable, or it counts in the sessions (a histogram of ≈ 15,000 classes is
            // ≈ 2.4 MB: names, map entries and a long[2] each). An earlier version held the baseline (and a
            // "ballast" reading meant to balance it) in local variables of this method, which is
            // interpreted (it runs once) and whose frame keeps every local reachable: every phase counted
            // one histogram more than the baseline (≈ 15,000 long[2], 60 KB per session at N = 40).
            // Histogram.take() now fails if a reading of the benchmark is reachable while it reads.
            Files.createDirectories(BASELINE.getParent());
            Files.writeString(BASELINE, Histogram.take().raw());
            report.add(Histogram.read(BASELINE).line("0 before", Histogram.read(BASELINE), 0));
            heapDump("0 before");

            List<String> bases = new ArrayList<>();
            List<String> tabs = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String base = "http://s" + (i + 1) + ".tcw.test:" + port + "/";
                bases.add(base);
                tabs.add(browser.switchTo().newWindow(WindowType.TAB).getWindowHandle());
                signIn(browser, base, ACCOUNTS.get(i % ACCOUNTS.size()));
                visit(browser, base, HOME);
            }
            phase("1 idle on the home page");
            // the browser's idle keep-alive connections end after the server's keep-alive timeout:
            // what is left is what the person, not the connection, costs (plus Tomcat's caches)
            Thread.sleep(idleConnectionsGone().toMillis());
            phase("1b idle, idle connections closed");

            if (PAGES) {
                for (int i = 0; i < SESSIONS; i++) {
                    browser.switchTo().window(tabs.get(i));
                    visit(browser, bases.get(i) + "documents/" + documentId, EDITOR);
                }
                phase("2 on a document editor");

                for (int i = 0; i < SESSIONS; i++) {
                    browser.switchTo().window(tabs.get(i));
                    visit(browser, bases.get(i) + "discussions/" + threadId, THREAD);
                }
                phase("3 on a 200-post thread");
            }

            for (String tab : tabs) {
                browser.switchTo().window(tab);
                browser.close();
            }
            browser.switchTo().window(first);
            Thread.sleep(AFTER_CLOSE_SECONDS * 1000L);
            phase("4 all tabs closed " + AFTER_CLOSE_SECONDS + " s ago");
            Thread.sleep(idleConnectionsGone().toMillis());
            phase("5 closed, idle connections closed");
            report.add("load at the end: " + load());
        } finally {
            browser.quit();
            Files.createDirectories(Path.of("target", "bench"));
            Files.write(Path.of("target", "bench", "memory.txt"), report);
            report.forEach(System.out::println);
        }
    }

    /**
     * How long after its last request an idle HTTP connection is certainly closed by the server:
     * its keep-alive timeout ({@code server.tomcat.keep-alive-timeout}, else the connection timeout,
     * Tomcat's default 60 s) and 5 s for the poller; {@code -Dbench.idle-connections-seconds} overrides.
     */
    static Duration idleConnectionsGone() {
        Integer override = Integer.getInteger("bench.idle-connections-seconds");
        if (override != null) {
            return Duration.ofSeconds(override);
        }
        Environment environment = RunningApp.bean(Environment.class);
        Duration keepAlive = environment.getProperty("server.tomcat.keep-alive-timeout", Duration.class,
                environment.getProperty("server.tomcat.connection-timeout", Duration.class, Duration.ofSeconds(60)));
        return keepAlive.plusSeconds(5);
    }

    private void phase(String name) throws Exception {
        Thread.sleep(2000); // let the last page's requests finish
        Histogram now = Histogram.take();
        Histogram before = Histogram.read(BASELINE); // read after the reading: not counted in it
        report.add(now.line(name, before, SESSIONS));
        heapDump(name);
        report.addAll(now.top(before, TOP, SESSIONS));
    }

    static final String HOME = "return location.pathname === '/' && !!document.querySelector('vaadin-app-layout')"
            + " && !document.querySelector('vaadin-connection-indicator[loading]')";
    static final String EDITOR = "return !!(document.querySelector('tcw-editor') && document.querySelector('tcw-editor').editor"
            + " && document.querySelector('tcw-editor .ProseMirror > p'))";
    static final String THREAD = "return document.querySelectorAll('.tcw-post').length >= 30";

    private static void visit(ChromeDriver browser, String url, String loaded) {
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(browser.executeScript(loaded)));
    }

    private static void signIn(ChromeDriver browser, String base, String user) {
        browser.get(base + "login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        WebElement username = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("vaadin-login-form input[name='username']"));
            return found.isEmpty() ? null : found.getFirst();
        });
        username.sendKeys(user);
        WebElement password = browser.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        password.sendKeys("demo");
        password.sendKeys(Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static long longThread(int posts) {
        SignIn signIn = RunningApp.bean(SignIn.class);
        signIn.as("chair-ict");
        try {
            DiscussionService discussions = RunningApp.bean(DiscussionService.class);
            long ict = RunningApp.bean(CommissionService.class).details("ICT").orElseThrow().id();
            long thread = discussions.startThread(new NewThread(ict, "Memory bench thread " + System.nanoTime(),
                    "The first post of a long thread.", null));
            for (int i = 2; i <= posts; i++) {
                discussions.reply(thread, "Reply number " + i + ": the **draft** reads well, see section " + i % 7
                        + " and the [guide](https://www.issa.int/).", null);
            }
            return thread;
        } finally {
            signIn.out();
        }
    }

    /**
     * With {@code -Dbench.heapdump=true}, a dump of the live objects after the phase
     * ({@code target/bench/heap-<phase number>.hprof}, as {@code jcmd GC.heap_dump} writes it, through
     * the JVM's MBean) for finding out who retains what (e.g. {@code bench/memory/retainers.py}).
     */
    private void heapDump(String phase) throws Exception {
        if (!Boolean.getBoolean("bench.heapdump")) {
            return;
        }
        Path file = Path.of("target", "bench", "heap-" + phase.substring(0, phase.indexOf(' ')) + ".hprof").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
        report.add("    heap dump: " + file);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The live objects of a JVM by class ({@code jcmd GC.class_histogram}, after a full GC). */
    record Histogram(String raw, Map<String, long[]> classes, long totalBytes) {

        /**
         * A reading of this JVM. Fails if a reading of the benchmark itself (a {@code Histogram}) is
         * reachable while it is taken: the benchmark's own bytes would count in the sessions.
         */
        static Histogram take() throws Exception {
            Histogram now = parse(LiveObjects.classHistogram());
            long own = now.count(Histogram.class.getName());
            if (own > 0) {
                throw new IllegalStateException(own + " readings of the benchmark itself were reachable during a reading");
            }
            return now;
        }

        /** A reading kept in a file (the baseline: kept out of the heap that the next readings measure). */
        static Histogram read(Path file) throws IOException {
            return parse(Files.readString(file));
        }

        static Histogram parse(String out) {
            long total = -1;
            for (String line : out.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3 && f[0].equals("Total")) {
                    total = Long.parseLong(f[2]);
                }
            }
            if (total <= 0) {
                throw new IllegalStateException("Unreadable class histogram: " + out.substring(0, Math.min(500, out.length())));
            }
            return new Histogram(out, LiveObjects.byClass(out), total);
        }

        long count(String type) {
            long[] c = classes.get(type);
            return c == null ? 0 : c[0];
        }

        String line(String phase, Histogram before, int sessions) {
            long delta = totalBytes - before.totalBytes;
            return String.format(Locale.ROOT, "%-34s live heap %,10d KB (+%,d KB), %s KB per session;"
                    + " live UIs %d (state nodes %d), HTTP sessions %d; open connections %d (WebSockets %d, Atmosphere resources %d),"
                    + " NIO channels %d (open and cached), HTTP processors %d (busy and cached)",
                    phase, totalBytes >> 10, delta >> 10,
                    sessions == 0 ? "-" : String.format(Locale.ROOT, "%,.0f", delta / 1024.0 / sessions),
                    count("com.vaadin.flow.component.UI"), count("com.vaadin.flow.internal.StateNode"),
                    count("org.apache.catalina.session.StandardSession"),
                    count("org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper"),
                    count("org.apache.tomcat.websocket.WsSession"), count("org.atmosphere.cpr.AtmosphereResourceImpl"),
                    count("org.apache.tomcat.util.net.NioChannel"), count("org.apache.coyote.http11.Http11Processor"));
        }

        List<String> top(Histogram before, int n, int sessions) {
            List<String> lines = new ArrayList<>();
            classes.entrySet().stream().map(e -> {
                long[] b = before.classes.getOrDefault(e.getKey(), new long[2]);
                return Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
            }).sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed()).limit(n)
                    .forEach(e -> lines.add(String.format(Locale.ROOT, "    %,9d B/session %,8d instances/session  %s",
                            e.getValue()[1] / sessions, e.getValue()[0] / sessions, e.getKey())));
            assertThat(lines).isNotEmpty();
            return lines;
        }
    }
}
