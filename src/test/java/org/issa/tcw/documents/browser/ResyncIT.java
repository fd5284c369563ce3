package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;

/**
 * A writer is offline for a minute, and when the connection comes back one message the server
 * pushes is lost: Vaadin's client gives up waiting for it and resynchronises its whole UI, which
 * re-creates the editor element. The person keeps typing throughout, to wherever the keyboard
 * focus is (as a person does): every key lands, and the caret stays in the editor.
 * <p>
 * The second test holds the re-created editor's join in the page, so that there is, for certain,
 * a moment with no editor while the person types: those keys are replayed into the new editor.
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

    @Test
    void a_writer_offline_for_a_minute_keeps_focus_and_every_key_through_vaadins_resynchronisation() {
        long doc = RunningApp.newDocument("Resync " + System.nanoTime());
        Offline cable = new Offline(RunningApp.port());
        EditorPage alice = signedIn("chair-ict", doc, cable);
        EditorPage bob = signedIn("member-ict", doc, null);
        alice.caretAtEndOf(0);
        keyboard(alice, "Start.");
        CoEditingIT.converge(List.of(alice, bob));

        StringBuilder typed = new StringBuilder("Start.");
        cable.goOffline();
        long offlineUntil = System.currentTimeMillis() + Integer.getInteger("resync.offline.seconds", 60) * 1000L;
        int n = 0;
        while (System.currentTimeMillis() < offlineUntil) {
            String word = " off" + n++;
            keyboard(alice, word);
            typed.append(word);
            EditorPage.pause(2000); // a person thinking between words, not synchronisation
        }
        cable.loseNextServerMessage();
        cable.goOnline();

        // keep typing through the reconnection, the lost message and the resynchronisation it causes;
        // bob types too, so the server pushes messages to alice (the first one is lost)
        bob.caretAtStartOf(0);
        StringBuilder bobTyped = new StringBuilder();
        long deadline = System.currentTimeMillis() + 90_000;
        int after = 0;
        n = 0;
        while (after < 8) {
            String word = " on" + n;
            keyboard(alice, word);
            typed.append(word);
            String bobWord = "b" + n++ + " ";
            bob.type(bobWord, 0);
            bobTyped.append(bobWord);
            EditorPage.pause(150); // typing speed, not synchronisation
            if (adopted(alice) > 0) {
                after++;
            }
            assertThat(System.currentTimeMillis())
                    .as("Vaadin resynchronised (the editor element was re-created); lost messages: "
                            + cable.lostMessages() + ", alice: " + alice.stats())
                    .isLessThan(deadline);
        }

        CoEditingIT.converge(List.of(alice, bob));
        assertThat(cable.lostMessages()).isEqualTo(1);
        String expected = bobTyped + typed.toString();
        assertThat(alice.text()).isEqualTo(expected);
        assertThat(bob.text()).isEqualTo(expected);
        assertThat(focusInEditor(alice)).as("the caret is still in the editor; focus is on "
                + alice.js("const a = document.activeElement; return a ? a.tagName + '.' + a.className : 'nothing'")
                + ", alice: " + alice.stats()).isTrue();
        assertThat(alice.pending()).isFalse();
        System.out.println("resync: adopted=" + adopted(alice) + " stats=" + alice.stats());
        cable.close();
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

    @Test
    void keys_typed_while_vaadin_re_creates_the_editor_land_in_the_document_on_every_replica() {
        long doc = RunningApp.newDocument("Key replay " + System.nanoTime());
        Offline cable = new Offline(RunningApp.port());
        EditorPage alice = signedIn("chair-ict", doc, cable);
        EditorPage bob = signedIn("member-ict", doc, null);
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
