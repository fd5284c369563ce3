package org.issa.tcw.accessibility;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.MentionCandidate;
import org.issa.tcw.documents.browser.RunningApp;
import org.issa.tcw.testsupport.SignIn;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the accessibility and keyboard tests do with a page: wait until it settled, run axe-core. */
final class Pages {

    /** The WCAG 2.0/2.1 A and AA rules of axe-core (the scope). */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /**
     * Experimental rules axe-core does not run by default, switched on by name: that an accessible
     * name contains the visible text (WCAG 2.5.3, "label in name"; serious).
     */
    static final List<String> EXPERIMENTAL = List.of("label-content-name-mismatch");

    private static String axe;

    private Pages() {
    }

    /** axe.min.js as bundled by Deque's com.deque.html.axe-core:selenium jar (test scope). */
    static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = Pages.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return axe;
    }

    /**
     * A new ICT thread of {@code posts} posts written by ICT members other than {@code reader},
     * a few each (posting is limited per person and minute, and the demo data has just posted).
     */
    static long thread(String title, int posts, String reader) {
        DiscussionFixture fixture = RunningApp.bean(DiscussionFixture.class);
        long ict = fixture.commissionId("ICT");
        fixture.as("chair-ict");
        List<String> writers;
        try {
            writers = RunningApp.bean(DiscussionService.class).mentionCandidates(ict, "", 60).stream()
                    .filter(c -> c.staffRole() == null && !c.username().equals(reader)
                            && !c.username().equals("chair-ict"))
                    .map(MentionCandidate::username).toList();
        } finally {
            RunningApp.bean(SignIn.class).out();
        }
        long thread = fixture.thread(writers.getFirst(), "ICT", title);
        for (int i = 1; i < posts; i++) {
            fixture.reply(writers.get(i % writers.size()), thread, "Post " + (i + 1) + " of " + title + ".");
        }
        return thread;
    }

    static Object js(ChromeDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until Vaadin has no request in flight and the view rendered its heading (or 2 s passed). */
    static void settle(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> Boolean.TRUE.equals(js(driver, """
                const f = window.Vaadin && window.Vaadin.Flow;
                if (!f || !f.clients) return false;
                return Object.values(f.clients).every(c => !c.isActive || !c.isActive());""")));
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until && !Boolean.TRUE.equals(js(driver,
                "return !!document.querySelector('vaadin-app-layout > :not([slot]) :is(h1, h2), vaadin-login-form')"))) {
            pause(50);
        }
        pause(150); // the focus after navigation and late attributes (requestAnimationFrame)
    }

    /**
     * axe-core's critical and serious violations of the WCAG A/AA rules on the current page, each
     * as "rule (impact): n× first-target — html".
     */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(ChromeDriver driver) {
        if (!Boolean.TRUE.equals(js(driver, "return !!window.axe"))) {
            js(driver, axeSource());
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations'],
                    rules: Object.fromEntries(arguments[1].map(r => [r, {enabled: true}]))})
                  .then(r => done(r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
                    .map(v => ({id: v.id, impact: v.impact, count: v.nodes.length,
                      target: JSON.stringify(v.nodes[0].target), html: v.nodes[0].html.slice(0, 160),
                      summary: (v.nodes[0].failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', count: 1, target: '', html: String(e), summary: ''}]));
                """, TAGS, EXPERIMENTAL);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            found.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("count") + "× " + v.get("target") + " — "
                    + v.get("html") + " — " + v.get("summary"));
        }
        return found;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
