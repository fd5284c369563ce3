package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a shared computer the editor's copies (the whole document in IndexedDB, unacknowledged
 * updates in localStorage) must not outlive an explicit sign-out: the user menu's "Sign out" lets
 * the open editor send what was just typed, removes the person's copies — and only theirs — and
 * signs out; with unsent changes left (here: typed into another document while the server was
 * unreachable) it asks first, and "stay" keeps everything.
 */
class SignOutClearsLocalCopiesIT {

    private static final String OTHER = "Someone Else";
    private EditorPage alice;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowser() {
        if (alice != null) {
            alice.close();
        }
    }

    @Test
    void sign_out_sends_what_was_typed_then_removes_the_persons_copies_and_asks_about_unsent_changes() {
        long doc = RunningApp.newDocument("Shared computer " + System.nanoTime());
        alice = new EditorPage("chair-ict").signIn().open(doc);
        String me = (String) alice.js("return document.querySelector('tcw-editor').userName");
        awaitCopy(me + "|" + doc);
        // another person's copies on this browser (their session ended; they did not sign out)
        // and unsent changes of alice's in another document
        alice.asyncJs(PUT_COPY, OTHER + "|" + doc);
        alice.js("localStorage.setItem(arguments[0], '[{\"id\":\"u1\",\"update\":\"AA==\"}]');"
                + "localStorage.setItem(arguments[1], '[{\"id\":\"u2\",\"update\":\"AA==\"}]')",
                "tcw-editor-pending:" + OTHER + "|" + doc, "tcw-editor-pending:" + me + "|999999");

        // typed and signed out at once: the editor sends it first; the unsent changes ask
        alice.caretAtEndOf(0);
        alice.type("Sent before signing out.", 0);
        signOutFromUserMenu();
        clickDialogButton("cancel-button"); // stay
        assertThat(alice.driver.getCurrentUrl()).contains("/documents/" + doc);
        assertThat(copies(me)).contains(me + "|" + doc, "tcw-editor-pending:" + me + "|999999");

        signOutFromUserMenu();
        clickDialogButton("confirm-button"); // sign out anyway
        new WebDriverWait(alice.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(copies(me)).as("alice's copies after signing out").isEmpty();
        assertThat(copies(OTHER)).as("someone else's copies")
                .containsExactlyInAnyOrder(OTHER + "|" + doc, "tcw-editor-pending:" + OTHER + "|" + doc);

        // what was typed just before signing out reached the server (nothing local is left to show it)
        alice.signIn().open(doc);
        new WebDriverWait(alice.driver, Duration.ofSeconds(30)).until(d -> alice.text().contains("Sent before signing out."));

        // nothing unsent: no question, straight out, copies gone
        awaitCopy(me + "|" + doc);
        alice.caretAtEndOf(0);
        alice.type(" Again.", 0);
        signOutFromUserMenu();
        new WebDriverWait(alice.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(copies(me)).isEmpty();
        assertThat(copies(OTHER)).hasSize(2);
        alice.signIn().open(doc);
        new WebDriverWait(alice.driver, Duration.ofSeconds(30)).until(d -> alice.text().contains("Again."));
    }

    private static final String PUT_COPY = """
            const done = arguments[arguments.length - 1];
            const req = indexedDB.open('tcw-editor', 1);
            req.onupgradeneeded = () => req.result.createObjectStore('docs');
            req.onsuccess = () => {
              const tx = req.result.transaction('docs', 'readwrite');
              tx.objectStore('docs').put(new Uint8Array([0, 0]), arguments[0]);
              tx.oncomplete = () => { req.result.close(); done(true); };
            };
            """;

    /** The person's copies this browser holds: IndexedDB keys and localStorage keys. */
    @SuppressWarnings("unchecked")
    private List<String> copies(String person) {
        return (List<String>) alice.asyncJs("""
                const done = arguments[arguments.length - 1];
                const person = arguments[0];
                const pending = Object.keys(localStorage).filter(k => k.startsWith('tcw-editor-pending:' + person + '|'));
                const req = indexedDB.open('tcw-editor', 1);
                req.onupgradeneeded = () => req.result.createObjectStore('docs');
                req.onsuccess = () => {
                  const get = req.result.transaction('docs', 'readonly').objectStore('docs').getAllKeys();
                  get.onsuccess = () => {
                    req.result.close();
                    done(get.result.filter(k => String(k).startsWith(person + '|')).concat(pending));
                  };
                };
                """, person);
    }

    private void awaitCopy(String key) {
        new WebDriverWait(alice.driver, Duration.ofSeconds(30)).until(d -> copies(key.substring(0, key.indexOf('|')))
                .contains(key));
    }

    private void signOutFromUserMenu() {
        alice.driver.findElement(By.cssSelector("vaadin-menu-bar#user-menu vaadin-menu-bar-button")).click();
        new WebDriverWait(alice.driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("sign-out")).isEmpty());
        alice.driver.findElement(By.id("sign-out")).click();
    }

    private void clickDialogButton(String slot) {
        new WebDriverWait(alice.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(alice.js(
                "const b = document.querySelector(\"vaadin-button[slot='" + slot + "']\");"
                        + "if (!b || !b.offsetParent && !b.checkVisibility()) return false; b.click(); return true;")));
    }
}
