package org.issa.tcw.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.issa.tcw.documents.browser.Browsers;
import org.issa.tcw.documents.browser.EditorPage;
import org.issa.tcw.documents.browser.RunningApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The keyboard alone, in Chromium (docs/adr/082-keyboard-and-accessibility.md): sign in, open a
 * thread of 22 posts with Enter from the discussion list, reach the reply box in at most 10 Tabs
 * from the thread's title (the focus is there after the navigation), reply, open a document with
 * Enter from the documents list, Tab into the editor (the toolbar is one stop) and type.
 */
class KeyboardIT {

    /** The deepest focused element, described as tag#id.class (through shadow roots). */
    private static final String FOCUSED = """
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            if (!a) return 'none';
            const host = a.getRootNode() && a.getRootNode().host;
            return a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + (a.className && a.className.baseVal === undefined
              ? '.' + String(a.className).trim().split(/\\s+/).join('.') : '')
              + (a.closest && a.closest('vaadin-text-area') ? ' in vaadin-text-area#' + a.closest('vaadin-text-area').id : '')
              + (host ? ' in ' + host.tagName.toLowerCase() + (host.id ? '#' + host.id : '') : '');""";

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void sign_in_open_a_thread_with_enter_reply_open_a_document_and_type() {
        String title = "Keyboard walk " + System.nanoTime();
        long thread = Pages.thread(title, 22, "member-ict");
        String documentTitle = "Keyboard document " + System.nanoTime();
        RunningApp.newDocument(documentTitle);

        try (EditorPage page = new EditorPage("member-ict").signIn()) {
            ChromeDriver d = page.driver();
            d.get(RunningApp.url() + "commissions/ICT/discussions");
            Pages.settle(d);
            new WebDriverWait(d, Duration.ofSeconds(5)).withMessage(() -> "focus after navigation: " + focused(d) + "; "
                    + Pages.js(d, "const m = document.querySelector('vaadin-app-layout > :not([slot])');"
                            + " return typeof window.tcwKeyboard + ' main=' + (m && m.tagName) + ' heading='"
                            + " + !!(m && m.querySelector('h1, h2')) + ' hasFocus=' + document.hasFocus()"))
                    .until(x -> focused(d).startsWith("h2"));

            // into the list, down to the thread, Enter
            // the grid's header and body are separate Tab stops: into the body
            int toGrid = tabUntil(d, ".body-cell", 15);
            rowWith(d, "thread-grid", title);
            new Actions(d).sendKeys(Keys.ENTER).perform();
            new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> x.getCurrentUrl().endsWith("/discussions/" + thread));
            Pages.settle(d);
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> focused(d).startsWith("h2#thread-title"));
            assertThat(Pages.js(d, "return document.querySelectorAll('#posts .tcw-post').length")).isEqualTo(22L);

            // the reply box: at most 10 Tabs from the title, however many posts
            int toReply = tabUntil(d, "textarea", 10);
            assertThat(focused(d)).contains("vaadin-text-area#body");
            String reply = "Replied with the keyboard alone";
            new Actions(d).sendKeys(reply).perform();
            int toSend = tabUntil(d, "vaadin-button#send", 3);
            new Actions(d).sendKeys(Keys.ENTER).perform();
            new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> String.valueOf(Pages.js(d,
                    "return document.getElementById('posts').textContent")).contains(reply));

            // a document: the list, Enter, Tab into the editor, type
            d.get(RunningApp.url() + "commissions/ICT/documents");
            Pages.settle(d);
            int toDocuments = tabUntil(d, ".body-cell", 15);
            rowWith(d, "document-grid", documentTitle);
            new Actions(d).sendKeys(Keys.ENTER).perform();
            new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> x.getCurrentUrl().contains("/documents/"));
            page.waitForEditor();
            Pages.settle(d);
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> focused(d).startsWith("h2#document-title"));
            int toToolbar = tabUntil(d, "button#tb-", 25);
            int toolbarToText = tabUntil(d, ".ProseMirror", 2);
            assertThat(toolbarToText).as("the toolbar is one Tab stop").isEqualTo(1);
            new Actions(d).sendKeys("Typed with the keyboard").perform();
            page.idle();
            assertThat(page.text()).contains("Typed with the keyboard");

            System.out.printf("KeyboardIT Tab counts: heading→thread grid %d, thread title→reply box %d (22 posts),"
                    + " reply box→send %d, heading→documents grid %d, document title→toolbar %d, toolbar→text %d%n",
                    toGrid, toReply, toSend, toDocuments, toToolbar, toolbarToText);
        }
    }

    private static String focused(ChromeDriver d) {
        return String.valueOf(Pages.js(d, FOCUSED));
    }

    /** Presses Tab until the focused element's description contains {@code what}; returns how many. */
    private static int tabUntil(ChromeDriver d, String what, int max) {
        StringBuilder path = new StringBuilder();
        for (int i = 1; i <= max; i++) {
            new Actions(d).sendKeys(Keys.TAB).perform();
            Pages.pause(60);
            String now = focused(d);
            path.append("\n  ").append(i).append(": ").append(now);
            if (now.contains(what)) {
                return i;
            }
        }
        throw new AssertionError("no " + what + " within " + max + " Tabs:" + path);
    }

    /** Arrow Down in a grid until the focused row shows {@code text}. */
    private static void rowWith(ChromeDriver d, String grid, String text) {
        for (int i = 0; i < 40; i++) {
            Object row = Pages.js(d, """
                    const g = document.getElementById(arguments[0]);
                    const c = g.shadowRoot.activeElement;
                    const tr = c && (c.tagName === 'TR' ? c : c.parentElement);
                    return tr ? [...tr.querySelectorAll('slot')].map(s => s.assignedElements().map(e => e.textContent).join('')).join(' ') : '';""",
                    grid);
            if (String.valueOf(row).contains(text)) {
                return;
            }
            new Actions(d).sendKeys(Keys.ARROW_DOWN).perform();
            Pages.pause(80);
        }
        throw new AssertionError("no row with " + text + " in " + grid);
    }
}
