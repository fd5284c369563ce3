package org.issa.tcw.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.Reaction;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.documents.browser.Browsers;
import org.issa.tcw.documents.browser.EditorPage;
import org.issa.tcw.documents.browser.RunningApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules, with the experimental {@code label-content-name-mismatch})
 * in Chromium over the main views, as a member, a chair and the secretariat, including the document
 * editor, the version comparison, a thread, dialogs, and a page in French: no
 * critical or serious violation anywhere (docs/adr/082-keyboard-and-accessibility.md). Every finding
 * of every page is listed before the test fails, so one run shows all of them.
 */
class AccessibilityIT {

    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void main_views_dialogs_and_the_editor_have_no_critical_or_serious_violation() {
        long started = System.nanoTime();
        DiscussionFixture fixture = RunningApp.bean(DiscussionFixture.class);
        long thread = Pages.thread("Accessibility walk " + System.nanoTime(), 3, "member-ict");
        fixture.as("member-ict");
        try {
            // a reaction, so that the thread shows one with its count
            long first = RunningApp.bean(DiscussionService.class).postsFrom(thread, 1, 1).getFirst().id();
            RunningApp.bean(DiscussionService.class).react(first, Reaction.HEART);
        } finally {
            RunningApp.bean(SignIn.class).out();
        }
        long document = RunningApp.newDocument("Accessibility walk " + System.nanoTime());
        long project = fixture.project("ICT").getId();

        try (EditorPage member = new EditorPage("member-ict").signIn()) {
            ChromeDriver d = member.driver();
            for (String route : List.of("", "commissions", "commissions/ICT", "commissions/ICT/discussions",
                    "discussions/" + thread, "commissions/ICT/documents", "documents", "library", "notifications",
                    "search?q=ICT", "settings/notifications", "projects/" + project)) {
                check(d, "member-ict", route);
            }
            open(d, "documents/" + document);
            member.waitForEditor();
            scan(d, "member-ict", "documents/{id} (editor)");
            // dialogs: a new thread, the keyboard shortcuts
            open(d, "commissions/ICT/discussions");
            Pages.js(d, "document.getElementById('new-thread').click()");
            Pages.settle(d);
            scan(d, "member-ict", "dialog: new thread");
            new Actions(d).sendKeys(Keys.ESCAPE).perform();
            open(d, "commissions/ICT");
            Pages.js(d, "document.activeElement && document.activeElement.blur()");
            new Actions(d).sendKeys("?").perform();
            Pages.settle(d);
            assertThat(d.findElements(By.id("shortcuts-dialog"))).as("\"?\" opens the shortcuts").isNotEmpty();
            scan(d, "member-ict", "dialog: keyboard shortcuts");
        }
        try (EditorPage chair = new EditorPage("chair-ict").signIn()) {
            ChromeDriver d = chair.driver();
            for (String route : List.of("commissions/ICT/programme", "discussions/" + thread)) {
                check(d, "chair-ict", route);
            }
            open(d, "documents/" + document);
            chair.waitForEditor();
            scan(d, "chair-ict", "documents/{id} (editor)");
            // the version comparison: its read-only text is named as the editor's is
            chair.caretAtEndOf(0);
            chair.type("Accessibility.", 0);
            chair.idle();
            Pages.js(d, """
                    const f = document.querySelector('#version-name');
                    f.value = 'A11y';
                    f.dispatchEvent(new Event('change', {bubbles: true}));""");
            clickWhenPresent(d, "#version-save");
            until(d, "return document.querySelector('#version-list').textContent.includes('A11y')");
            clickWhenPresent(d, "[id^='version-compare-now-']");
            until(d, "return !!document.querySelector('tcw-version-diff[data-rendered-ms]')");
            assertThat((String) Pages.js(d,
                    "return document.querySelector('tcw-version-diff [role=textbox]').getAttribute('aria-label')"))
                    .as("the comparison's text has an accessible name").startsWith("Compared text: A11y → ");
            scan(d, "chair-ict", "dialog: version comparison");
            new Actions(d).sendKeys(Keys.ESCAPE).perform();
            open(d, "commissions/ICT/documents");
            Pages.js(d, "document.getElementById('new-document').click()");
            Pages.settle(d);
            scan(d, "chair-ict", "dialog: new document");
        }
        try (EditorPage secretariat = new EditorPage("secretariat").signIn()) {
            ChromeDriver d = secretariat.driver();
            for (String route : List.of("secretariat", "admin/people", "admin/institutions", "admin/commissions",
                    "admin/trienniums", "admin/priorities", "admin/mail", "templates")) {
                check(d, "secretariat", route);
            }
        }
        // in French: <html lang> and Vaadin's own labels follow the reader's language, also after a reload
        try (EditorPage french = new EditorPage("member-fam").signIn()) {
            ChromeDriver d = french.driver();
            open(d, "commissions");
            switchLanguage(d, "fr");
            try {
                d.navigate().refresh();
                Pages.settle(d);
                assertThat(Pages.js(d, "return document.documentElement.lang")).isEqualTo("fr");
                assertThat(Pages.js(d, "return document.querySelector('vaadin-drawer-toggle').getAttribute('aria-label')"))
                        .isEqualTo("Afficher ou masquer la navigation");
                assertThat(Pages.js(d, "return window.Vaadin.connectionIndicator && window.Vaadin.connectionIndicator.onlineText"))
                        .isEqualTo("Connecté");
                scan(d, "member-fam (fr)", "commissions");
            } finally {
                switchLanguage(d, "en");
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("AccessibilityIT: " + counts.size() + " pages in " + seconds + " s; critical+serious per page: "
                + counts);
        assertThat(findings).as("critical or serious axe-core violations (WCAG 2.0/2.1 A, AA)").isEmpty();
    }

    private void check(ChromeDriver d, String user, String route) {
        open(d, route);
        scan(d, user, route.isEmpty() ? "/" : route);
    }

    private static void open(ChromeDriver d, String route) {
        d.get(RunningApp.url() + route);
        Pages.settle(d);
    }

    private void scan(ChromeDriver d, String user, String page) {
        List<String> found = Pages.seriousViolations(d);
        counts.put(user + " " + page, found.size());
        found.forEach(f -> findings.add(user + " " + page + ": " + f));
    }

    private static void until(ChromeDriver d, String condition) {
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> Boolean.TRUE.equals(Pages.js(d, condition)));
    }

    private static void clickWhenPresent(ChromeDriver d, String selector) {
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> Boolean.TRUE.equals(Pages.js(d, """
                const b = document.querySelector(arguments[0]);
                if (!b) return false;
                b.scrollIntoView({block: 'center'});
                b.click();
                return true;""", selector)));
        Pages.settle(d);
    }

    /** Through the user menu, as a person would (the choice is remembered, hence switched back). */
    private static void switchLanguage(ChromeDriver d, String language) {
        Pages.js(d, "document.querySelector('#user-menu vaadin-menu-bar-button').click()");
        Pages.settle(d);
        Pages.js(d, "document.getElementById(arguments[0]).click()", "language-" + language);
        Pages.settle(d);
    }
}
