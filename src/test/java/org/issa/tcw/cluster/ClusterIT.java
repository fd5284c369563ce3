package org.issa.tcw.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.issa.tcw.documents.browser.Browsers;
import org.issa.tcw.documents.browser.Carets;
import org.issa.tcw.documents.browser.EditorPage;
import org.issa.tcw.testsupport.Cluster;
import org.issa.tcw.testsupport.RunningJar;
import org.issa.tcw.testsupport.keycloak.KeycloakAdmin;
import org.issa.tcw.testsupport.keycloak.KeycloakExtension;
import org.issa.tcw.testsupport.keycloak.KeycloakServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cluster as an operator runs it (issue 18, ADR 100 and 102), on this machine: one embedded
 * PostgreSQL, the packaged jar twice (node A and node B, profiles {@code demo,sso,postgres},
 * {@code tcw.cluster.bus=postgres}), the test run's real Keycloak, and HAProxy with the committed
 * {@code cluster/haproxy.cfg} in front; people use real Chromium through the balancer only. Each
 * browser is pinned to a node by the balancer's sticky cookie ({@code TCW_NODE}), and the test
 * checks on the nodes themselves which one holds each session.
 * <p>
 * In order, sharing the nodes (starting them is the expensive part): a post written on node A
 * appears live on a thread page open on node B; two editors, one on each node, converge and see
 * each other's carets; a back-channel logout that Keycloak sends to node A ends a session on node
 * B; node A is killed ({@code kill -9}) while its editor types, and the editor carries on through
 * the balancer on node B, signed in again by Keycloak without a password, with every token exactly
 * once; compaction of the shared update log ran once per stretch of the log across both nodes.
 * Without Chromium or HAProxy the test is skipped, or fails with {@code -Dbrowser.required=true}.
 */
@ExtendWith(KeycloakExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Pattern TOKEN = Pattern.compile("\\b([ab]\\d{3})\\b");
    private static final Pattern COMPACTED = Pattern.compile("Compacted document (\\d+) up to (\\d+)");

    private static @Nullable Cluster cluster;
    private static @Nullable RunningJar nodeA;
    private static @Nullable RunningJar nodeB;
    private static final List<Person> people = new ArrayList<>();
    private static final Map<String, Long> timings = new HashMap<>();

    /** Person one, on node A, and person two, on node B: both write in one document. */
    private static @Nullable Person one;
    private static @Nullable Person two;
    private static long documentId;
    private static final Set<String> typed = new LinkedHashSet<>();
    /** The tokens whose editor showed "saved" after they were typed. */
    private static final Set<String> saved = new LinkedHashSet<>();
    /** A bound on the tokens typed into the page of the killed node while it is still shown. */
    private static final int MAX_TOKENS_INTO_A_DEAD_NODE = 40;
    private static int next = 1;

    @BeforeAll
    static void cluster() throws Exception {
        Browsers.requireChromium();
        long t0 = System.nanoTime();
        cluster = Cluster.start("demo,sso,postgres",
                "--tcw.sso.issuer-uri=" + KeycloakServer.URL + "/realms/" + KeycloakServer.REALM,
                // the sessions' own check against Keycloak would end them too: here only the
                // back-channel logout may
                "--tcw.sso.session-check=PT30M",
                // compaction early and often, and logged, to count it
                "--tcw.documents.compact-after-updates=10",
                "--logging.level.org.issa.tcw.documents.DocumentMaintenance=debug");
        nodeA = cluster.a();
        nodeB = cluster.b();
        timings.put("cluster start ms", millisSince(t0));
        System.out.printf("[cluster-it] node A :%d, node B :%d, HAProxy :%d, started in %d ms (A %d ms, B %d ms)%n",
                nodeA.port(), nodeB.port(), cluster.balancer().port(), millisSince(t0), nodeA.startup().toMillis(),
                nodeB.startup().toMillis());
    }

    @AfterAll
    static void stop() throws IOException {
        people.forEach(Person::close);
        if (cluster != null) {
            cluster.close();
        }
        System.out.println("[cluster-it] timings " + timings);
    }

    @Test
    @Order(1)
    void a_post_written_on_node_a_appears_live_on_a_thread_page_open_on_node_b() {
        one = signedIn("chair-ict", nodeA);
        two = signedIn("member-ict", nodeB);
        two.get("/commissions/ICT/discussions");
        WebElement firstThread = waitFor(two.driver, 90).until(d -> d.findElements(By.cssSelector("[id^='thread-title-']"))
                .stream().findFirst().orElse(null));
        long thread = Long.parseLong(firstThread.getDomAttribute("id").substring("thread-title-".length()));
        two.get("/discussions/" + thread);
        one.get("/discussions/" + thread);
        for (Person p : List.of(one, two)) {
            waitFor(p.driver, 90).until(d -> !d.findElements(By.id("send")).isEmpty());
        }
        // the page on node B must not be reloaded: this mark would be gone
        two.driver.executeScript("window.__clusterMark = 'still the same page'");
        String text = "Posted on node A, read on node B " + System.nanoTime();
        WebElement body = one.driver.findElement(By.cssSelector("#body textarea"));
        body.sendKeys(text);
        EditorPage.pause(800); // the composer sends its value lazily
        one.driver.findElement(By.id("send")).click();
        long sent = System.nanoTime();
        eventually(Duration.ofSeconds(20), () -> postsOf(one).contains(text), () -> "node A's page: " + postsOf(one));
        eventually(Duration.ofSeconds(20), () -> postsOf(two).contains(text), () -> "node B's page: " + postsOf(two));
        timings.put("post A -> page on B ms (upper bound)", millisSince(sent));
        assertThat(two.driver.executeScript("return window.__clusterMark")).as("delivered live, not by a reload")
                .isEqualTo("still the same page");
    }

    @Test
    @Order(2)
    void two_editors_one_on_each_node_converge_and_see_each_others_carets() {
        documentId = firstEditableDocument(one.page);
        one.openDocument(documentId);
        two.openDocument(documentId);
        Carets.record(one.page);
        Carets.record(two.page);
        one.ownParagraph("a");
        two.ownParagraph("b");
        converge(List.of(one, two));
        for (int k = 0; k < 3; k++) {
            one.typeToken("a", true);
            two.typeToken("b", true);
        }
        converge(List.of(one, two));
        assertThat(counts(one.text())).as("every token once on both nodes").isEqualTo(expected());
        String nameOne = (String) one.js("return document.querySelector('tcw-editor').userName");
        String nameTwo = (String) two.js("return document.querySelector('tcw-editor').userName");
        one.caretInOwnParagraph("a");
        two.caretInOwnParagraph("b");
        // What crosses the nodes: each editor holds the other node's editor's presence, with the
        // person's name and a caret position, shows the name among the people here, and draws the
        // caret with the name on it (the one who was there first too).
        eventually(Duration.ofSeconds(15), () -> Carets.holds(one.page, nameTwo) && Carets.holds(two.page, nameOne),
                () -> "node A: " + Carets.presence(one.page) + "; node B: " + Carets.presence(two.page));
        eventually(Duration.ofSeconds(15), () -> one.page.presentPeople().contains(nameTwo)
                && two.page.presentPeople().contains(nameOne),
                () -> "who is here on node A: " + one.page.presentPeople() + ", on node B: " + two.page.presentPeople());
        System.out.printf("[cluster-it] caret labels drawn at once: on node A %s, on node B %s%n",
                Carets.labels(one.page), Carets.labels(two.page));
        long labelsFrom = System.nanoTime();
        eventually(Duration.ofSeconds(15), () -> Carets.labels(one.page).contains(nameTwo)
                && Carets.labels(two.page).contains(nameOne),
                () -> "caret labels drawn on node A " + Carets.labels(one.page) + ", on node B "
                        + Carets.labels(two.page) + "\nnode A holds " + Carets.presence(one.page) + "\nnode A received "
                        + Carets.arrivals(one.page) + "\nnode B holds " + Carets.presence(two.page)
                        + "\nnode B received " + Carets.arrivals(two.page));
        System.out.printf("[cluster-it] caret labels drawn: on node A %s, on node B %s (after %d ms)%n",
                Carets.labels(one.page), Carets.labels(two.page), millisSince(labelsFrom));
    }

    @Test
    @Order(3)
    void a_back_channel_logout_received_by_node_a_ends_the_session_on_node_b() throws Exception {
        // Keycloak posts its logout tokens to node A only
        KeycloakAdmin.setClientAttribute(KeycloakServer.REALM, "tc-workspace", "backchannel.logout.url",
                nodeA.url("/logout/connect/back-channel/keycloak"));
        Person three = signedIn("secretariat", nodeB);
        three.get("/");
        waitFor(three.driver, 90).until(d -> !d.findElements(By.id("user-menu")).isEmpty());
        String session = three.sessionId();
        assertThat(Cluster.holdsSession(nodeB, session)).as("node B holds the session").isTrue();

        KeycloakAdmin.logoutUser(KeycloakServer.REALM, "secretariat");
        long ended = System.nanoTime();
        waitFor(three.driver, 30).until(d -> !d.findElements(By.id("sso-sign-in")).isEmpty());
        timings.put("back-channel logout on A -> page on B at sign-in ms", millisSince(ended));
        assertThat(Cluster.holdsSession(nodeB, session)).as("the session on node B has ended").isFalse();
        assertThat(Cluster.holdsSession(nodeA, one.sessionId())).as("another person's session on node A lives on").isTrue();
        assertThat(Cluster.holdsSession(nodeB, two.sessionId())).as("another person's session on node B lives on").isTrue();
        people.remove(three);
        three.close();
    }

    @Test
    @Order(4)
    void node_a_killed_mid_typing_its_editor_carries_on_on_node_b_with_every_token_once() {
        one.typeToken("a", true);
        two.typeToken("b", true);
        // the page served by node A; a reload (the balancer sends it to node B, which has no
        // session for it) forgets this mark
        one.js("window.__servedByNodeA = true");
        // mid-typing: a token, the kill at once, and more tokens into the page whose node is gone,
        // until that page goes (Vaadin reloads it when node B answers that the session is unknown)
        one.typeToken("a", false);
        nodeA.kill();
        long killed = System.nanoTime();
        int intoTheDeadNode = 0;
        for (; intoTheDeadNode < MAX_TOKENS_INTO_A_DEAD_NODE && one.stillServedByNodeA(); intoTheDeadNode++) {
            try {
                one.typeToken("a", false);
            } catch (WebDriverException e) {
                // the page went while a token was typed: part of it may be in the document, and
                // a part is no token (three digits needed); it is not counted
                System.out.printf("[cluster-it] the page of node A went after %d more tokens (%s)%n",
                        intoTheDeadNode, e.getClass().getSimpleName());
                break;
            }
            if (intoTheDeadNode % 3 == 0) {
                two.typeToken("b", true);
            }
        }
        // Vaadin's own reload must end before the browser is sent anywhere (navigating during it can
        // stall chromedriver)
        eventually(Duration.ofSeconds(90), () -> !one.stillServedByNodeA() && one.settled(),
                () -> "person one's page never left node A's page: " + one.driver.getCurrentUrl());
        timings.put("kill -9 of A -> page of A gone ms", millisSince(killed));
        // person one's next request goes through the balancer to node B: signed in again by
        // Keycloak (its session is still valid), back to the document
        boolean password = !one.signedIn() && one.signIn();
        one.openDocument(documentId);
        timings.put("kill -9 of A -> editor open again on B ms", millisSince(killed));
        assertThat(password).as("signed in again without typing a password").isFalse();
        assertThat(Cluster.holdsSession(nodeB, one.sessionId())).as("person one is now on node B").isTrue();
        one.typeToken("a", true);
        two.typeToken("b", true);
        timings.put("kill -9 of A -> first token saved on B ms", millisSince(killed));

        Person reader = signedIn("observer-ict", nodeB);
        reader.openDocument(documentId);
        converge(List.of(one, two, reader));
        Map<String, Integer> found = counts(reader.text());
        System.out.printf("[cluster-it] failover: typed %d tokens (%d shown as saved, %d into the dead node), "
                + "found %s%n", typed.size(), saved.size(), intoTheDeadNode, found);
        assertThat(found.keySet()).as("every token shown as saved").containsAll(saved);
        assertThat(found).as("every token typed, before, during and after the kill, exactly once")
                .isEqualTo(expected());
        for (Person p : List.of(one, two)) {
            assertThat(p.text()).as(p.user + " sees what a fresh reader sees").isEqualTo(reader.text());
        }
    }

    @Test
    @Order(5)
    void compaction_of_the_shared_log_ran_once_per_stretch_across_both_nodes() {
        // both nodes started with tcw.documents.compact-after-updates=10: the typing above (every
        // keystroke an update, on both nodes) filled the log several times over; compaction runs in
        // the background, so the last one may still be under way
        Map<String, String> byStretch = new HashMap<>();
        List<String> twice = new ArrayList<>();
        int[] perNode = new int[2];
        int[] ofTheDocument = new int[1];
        eventually(Duration.ofSeconds(30), () -> {
            byStretch.clear();
            twice.clear();
            perNode[0] = 0;
            perNode[1] = 0;
            ofTheDocument[0] = 0;
            RunningJar[] nodes = {nodeA, nodeB};
            for (int n = 0; n < 2; n++) {
                Matcher m = COMPACTED.matcher(readLog(nodes[n]));
                while (m.find()) {
                    perNode[n]++;
                    if (Long.parseLong(m.group(1)) == documentId) {
                        ofTheDocument[0]++;
                    }
                    String stretch = m.group(1) + " up to " + m.group(2);
                    if (byStretch.put(stretch, n == 0 ? "A" : "B") != null) {
                        twice.add(stretch);
                    }
                }
            }
            return ofTheDocument[0] >= 1;
        }, () -> "compactions of document " + documentId + ": " + byStretch);
        System.out.printf("[cluster-it] compactions: node A %d, node B %d (%s)%n", perNode[0], perNode[1], byStretch);
        assertThat(twice).as("no stretch of the log compacted twice").isEmpty();
        // and the shared log is the compacted one: a fresh reader still sees every token once
        Person reader = people.stream().filter(p -> p.user.equals("observer-ict")).findFirst().orElseThrow();
        reader.openDocument(documentId);
        assertThat(counts(reader.text())).as("every token once after the compactions").isEqualTo(expected());
    }

    private static String readLog(RunningJar node) {
        try {
            return Files.readString(node.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** One person's Chromium, talking to the balancer only. */
    static final class Person implements AutoCloseable {
        final String user;
        final EditorPage page;
        final ChromeDriver driver;

        Person(String user) {
            this.user = user;
            this.page = new EditorPage(user, cluster.url("/"));
            this.driver = page.driver();
            people.add(this);
        }

        void get(String path) {
            driver.get(cluster.url(path));
        }

        /**
         * Signs in through the application's sign-in page and Keycloak; true if Keycloak asked for
         * the password (false when its session was still valid).
         */
        boolean signIn() {
            get("/login");
            waitFor(driver, 90).until(d -> !d.findElements(By.id("sign-in-keycloak")).isEmpty());
            driver.findElement(By.id("sign-in-keycloak")).click();
            String app = cluster.url("/");
            waitFor(driver, 60).until(d -> !d.findElements(By.id("kc-form-login")).isEmpty()
                    || (d.getCurrentUrl().startsWith(app) && !d.getCurrentUrl().contains("/login")));
            boolean password = !driver.findElements(By.id("kc-form-login")).isEmpty();
            if (password) {
                driver.findElement(By.id("username")).sendKeys(user);
                driver.findElement(By.id("password")).sendKeys("demo");
                driver.findElement(By.id("kc-login")).click();
                waitFor(driver, 60).until(d -> d.getCurrentUrl().startsWith(app) && !d.getCurrentUrl().contains("/login"));
            }
            return password;
        }

        /** Whether the page is still the one marked as served by node A (false while it is replaced). */
        boolean stillServedByNodeA() {
            try {
                return Boolean.TRUE.equals(driver.executeScript("return window.__servedByNodeA === true"));
            } catch (WebDriverException e) {
                return false;
            }
        }

        /** Whether the page has finished loading (false while it is being replaced). */
        boolean settled() {
            try {
                return "complete".equals(driver.executeScript("return document.readyState"));
            } catch (WebDriverException e) {
                return false;
            }
        }

        /** Whether the page shown is the application's, signed in (its user menu). */
        boolean signedIn() {
            return driver.getCurrentUrl().startsWith(cluster.url("/")) && !driver.findElements(By.id("user-menu")).isEmpty();
        }

        String sessionId() {
            Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
            assertThat(cookie).as(user + " has a session cookie").isNotNull();
            return cookie.getValue();
        }

        void openDocument(long id) {
            get("/documents/" + id);
            page.waitForEditor();
        }

        Object js(String script, Object... args) {
            return page.js(script, args);
        }

        String text() {
            return page.text();
        }

        String status() {
            return String.valueOf(js("const e = document.querySelector('tcw-editor'); return e ? e.status : 'gone'"));
        }

        /** Adds a paragraph "[prefix]" at the end, where this person types. */
        void ownParagraph(String prefix) {
            js("""
                    const ed = document.querySelector('tcw-editor').editor;
                    ed.commands.insertContentAt(ed.state.doc.content.size,
                        {type: 'paragraph', content: [{type: 'text', text: '[' + arguments[0] + ']'}]});
                    """, prefix);
            page.idle();
        }

        void caretInOwnParagraph(String prefix) {
            js("""
                    const ed = document.querySelector('tcw-editor').editor;
                    const doc = ed.state.doc;
                    let pos = 0, end = -1;
                    for (let i = 0; i < doc.childCount; i++) {
                      const c = doc.child(i);
                      if (c.textContent.startsWith('[' + arguments[0] + ']')) end = pos + c.nodeSize - 1;
                      pos += c.nodeSize;
                    }
                    if (end < 0) throw new Error('no paragraph of ' + arguments[0]);
                    ed.commands.focus();
                    ed.commands.setTextSelection(end);
                    """, prefix);
        }

        /** Types the next numbered token at the end of this person's paragraph; waits for "saved" if asked. */
        void typeToken(String prefix, boolean saved) {
            String token = prefix + String.format("%03d", next++);
            caretInOwnParagraph(prefix);
            page.type(" " + token, 3);
            typed.add(token);
            if (saved) {
                eventually(Duration.ofSeconds(30), () -> "saved".equals(status()), () -> user + ": " + status());
                ClusterIT.saved.add(token);
            }
        }

        @Override
        public void close() {
            page.close();
        }
    }

    /** A person signed in through the balancer, pinned to {@code node} by its cookie; checked on the nodes. */
    private static Person signedIn(String user, RunningJar node) {
        Person p = new Person(user);
        cluster.pin(p.driver, node);
        p.signIn();
        assertThat(Cluster.holdsSession(node, p.sessionId())).as(user + "'s session lives on the node the cookie names")
                .isTrue();
        RunningJar other = node == nodeA ? nodeB : nodeA;
        if (Cluster.answers(other)) {
            assertThat(Cluster.holdsSession(other, p.sessionId())).as(user + "'s session is not on the other node")
                    .isFalse();
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<String> postsOf(Person p) {
        return (List<String>) p.driver.executeScript(
                "return [...document.querySelectorAll('.tcw-post .tcw-post-body')].map(b => b.textContent.trim())");
    }

    /** The first demo document this person may edit (ids are stable on a fresh database). */
    static long firstEditableDocument(EditorPage p) {
        for (long id = 1; id <= 10; id++) {
            p.open(id);
            if (Boolean.TRUE.equals(p.js("return document.querySelector('tcw-editor').editable"))) {
                return id;
            }
        }
        throw new IllegalStateException("no editable demo document");
    }

    private static void converge(List<Person> persons) {
        eventually(Duration.ofSeconds(60), () -> {
            persons.forEach(p -> p.page.idle());
            return persons.stream().map(p -> p.js("return document.querySelector('tcw-editor').getHTML()"))
                    .distinct().count() == 1;
        }, () -> "pages differ: " + persons.stream().map(p -> p.user + ": " + p.text()).toList());
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> found = new HashMap<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            found.merge(m.group(1), 1, Integer::sum);
        }
        return found;
    }

    private static Map<String, Integer> expected() {
        Map<String, Integer> once = new HashMap<>();
        typed.forEach(t -> once.put(t, 1));
        return once;
    }

    private static WebDriverWait waitFor(ChromeDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static void eventually(Duration timeout, Supplier<Boolean> condition, Supplier<String> describe) {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Timed out: " + describe.get());
            }
            EditorPage.pause(100);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
