package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.issa.tcw.documents.ui.EditorTransports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;

/**
 * Vaadin resynchronises the page (one message the server pushed was lost) and re-creates the
 * editor element: the re-created editor's join is held in the page, so that there is, for
 * certain, a moment with no editor while the person types — those keys are replayed into the new
 * editor. And a push whose answer never comes is made again. The minute offline with typing
 * throughout, whose timing varies from run to run, is {@link ResyncChaosBenchmark}
 * (bench/documents/resync.sh repeats it).
 */
class ResyncIT {

    private final List<EditorPage> pages = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        pages.forEach(EditorPage::close);
    }

    /** Types at the keyboard focus, whatever element has it (not into a chosen element). */
    static void keyboard(EditorPage page, String text) {
        for (char c : text.toCharArray()) {
            new Actions(page.driver).sendKeys(String.valueOf(c)).perform();
        }
    }

    /** A browser of {@code user} with the document open, directly or through the cable. */
    private EditorPage signedIn(String user, long doc, Offline cable) {
        return signedIn(pages, user, doc, cable);
    }

    static EditorPage signedIn(List<EditorPage> pages, String user, long doc, Offline cable) {
        EditorPage page = new EditorPage(user);
        pages.add(page);
        if (cable != null) {
            page.through(cable);
        }
        return page.signIn().open(doc);
    }

    static int adopted(EditorPage page) {
        Object n = page.js("const e = document.querySelector('tcw-editor'); return e && e.stats ? e.stats.adopted : 0");
        return n == null ? 0 : ((Number) n).intValue();
    }

    static boolean focusInEditor(EditorPage page) {
        return Boolean.TRUE.equals(page.js(
                "const a = document.activeElement; return !!a && !!a.closest && !!a.closest('tcw-editor .ProseMirror')"));
    }

    /**
     * The server takes a push but its answer never reaches the editor (Vaadin can drop the answers
     * of calls made around a resynchronisation): the editor must not wait for it for ever, but make
     * the call again with the same update id, which the server stores once.
     */
    @Test
    void a_push_whose_answer_never_comes_is_made_again_and_stored_once() {
        long doc = RunningApp.newDocument("Unanswered " + System.nanoTime());
        EditorPage alice = signedIn("chair-ict", doc, null);
        EditorPage bob = signedIn("member-ict", doc, null);
        alice.js("""
                const t = document.querySelector('tcw-editor').transport;
                const push = t.push;
                let calls = 0;
                t.push = (id, update, ...rest) => {
                  const answer = push(id, update, ...rest);
                  return update !== null && calls++ === 0 ? new Promise(() => {}) : answer;
                };
                """);
        alice.caretAtEndOf(0);
        alice.type("Answer lost.", 0);
        CoEditingIT.converge(List.of(alice, bob));
        assertThat(((Number) alice.stats().get("unanswered")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(bob.text()).isEqualTo("Answer lost.");
        EditorPage reader = signedIn("observer-ict", doc, null);
        CoEditingIT.converge(List.of(alice, bob, reader));
        assertThat(reader.text()).isEqualTo("Answer lost.");
    }

    /**
     * Holds the UIDL request that carries an editor's {@code join} (the new element's first call)
     * until {@code window.tcwReleaseJoin()}: while it is held, the old editor is gone and the new one
     * has no editor yet. Vaadin sends its requests with XMLHttpRequest (push transport
     * WEBSOCKET_XHR).
     */
    private static final String HOLD_JOIN = """
            window.tcwHeldJoins = [];
            const send = XMLHttpRequest.prototype.send;
            XMLHttpRequest.prototype.send = function (body) {
              if (typeof body === 'string' && body.includes('"templateEventMethodName":"join"')) {
                window.tcwHeldJoins.push(() => send.call(this, body));
                return;
              }
              return send.call(this, body);
            };
            window.tcwReleaseJoin = () => {
              XMLHttpRequest.prototype.send = send;
              window.tcwHeldJoins.splice(0).forEach((f) => f());
            };
            """;

    /**
     * Vaadin's resynchronisation re-creates the editor's element; what is typed while the new element
     * has no editor yet is replayed. The lost message that starts it is a Vaadin (UIDL) message and
     * the held call is Vaadin's {@code join}: this is the Vaadin transport's path (ADR 117 keeps it as
     * the alternative and the fallback), so the editors here use it.
     */
    @Test
    void keys_typed_while_vaadin_re_creates_the_editor_land_in_the_document_on_every_replica() {
        EditorTransports.use("vaadin");
        try {
            keysTypedWhileVaadinReCreatesTheEditor();
        } finally {
            EditorTransports.reset();
        }
    }

    private void keysTypedWhileVaadinReCreatesTheEditor() {
        long doc = RunningApp.newDocument("Key replay " + System.nanoTime());
        Offline cable = new Offline(RunningApp.port());
        EditorPage alice = signedIn("chair-ict", doc, cable);
        EditorPage bob = signedIn("member-ict", doc, null);
        EditorTransports.check("vaadin", alice, bob);
        alice.caretAtEndOf(0);
        keyboard(alice, "Before.");
        CoEditingIT.converge(List.of(alice, bob));

        // one message the server pushes to alice is lost; the next one makes her client resynchronise
        alice.js(HOLD_JOIN);
        cable.loseNextServerMessage();
        bob.caretAtStartOf(0);
        bob.type("x", 0);
        org.openqa.selenium.support.ui.WebDriverWait gap = new org.openqa.selenium.support.ui.WebDriverWait(
                alice.driver, java.time.Duration.ofSeconds(60));
        gap.until(d -> {
            if (cable.lostMessages() > 0 && !Boolean.TRUE.equals(alice.js("return window.tcwHeldJoins.length > 0"))) {
                bob.type("y", 0); // a later message reveals the lost one
                EditorPage.pause(500);
            }
            return Boolean.TRUE.equals(alice.js("return window.tcwHeldJoins.length > 0"));
        });
        EditorPage.pause(300); // the old element parks itself after the task that removed it
        assertThat(alice.js("const e = document.querySelector('tcw-editor'); return !!e && !e.editor"))
                .as("no editor while the join is held").isEqualTo(Boolean.TRUE);

        keyboard(alice, " During the gap.");
        alice.js("window.tcwReleaseJoin()");
        new org.openqa.selenium.support.ui.WebDriverWait(alice.driver, java.time.Duration.ofSeconds(60))
                .until(d -> adopted(alice) > 0);
        keyboard(alice, " After.");

        EditorPage reader = signedIn("observer-ict", doc, null);
        CoEditingIT.converge(List.of(alice, bob, reader));
        assertThat(cable.lostMessages()).isEqualTo(1);
        assertThat(((Number) alice.stats().get("replayedKeys")).intValue()).isEqualTo(" During the gap.".length());
        for (EditorPage page : List.of(alice, bob, reader)) {
            assertThat(page.text()).as(page.user).contains("Before. During the gap. After.");
            assertThat(page.pending()).as(page.user + " holds pending structures").isFalse();
        }
        assertThat(focusInEditor(alice)).isTrue();
        cable.close();
    }
}
