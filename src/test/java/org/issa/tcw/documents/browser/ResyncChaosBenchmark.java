package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A writer is offline for a minute, and when the connection comes back one message the server
 * pushes is lost: Vaadin's client gives up waiting for it and resynchronises its whole UI, which
 * re-creates the editor element. The person keeps typing throughout, to wherever the keyboard
 * focus is (as a person does): every key lands, and the caret stays in the editor.
 * <p>
 * Not part of {@code ./mvnw verify}: how often Vaadin resynchronises here (once, or several times
 * in a row) depends on the timing of the run. {@code bench/documents/resync.sh} repeats it and
 * counts; the suite keeps the deterministic cases in {@link ResyncIT}.
 */
class ResyncChaosBenchmark {

    private final List<EditorPage> pages = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        pages.forEach(EditorPage::close);
    }

    @Test
    void a_writer_offline_for_a_minute_keeps_focus_and_every_key_through_vaadins_resynchronisation() {
        long doc = RunningApp.newDocument("Resync " + System.nanoTime());
        Offline cable = new Offline(RunningApp.port());
        EditorPage alice = ResyncIT.signedIn(pages, "chair-ict", doc, cable);
        EditorPage bob = ResyncIT.signedIn(pages, "member-ict", doc, null);
        alice.caretAtEndOf(0);
        ResyncIT.keyboard(alice, "Start.");
        CoEditingIT.converge(List.of(alice, bob));

        StringBuilder typed = new StringBuilder("Start.");
        cable.goOffline();
        long offlineUntil = System.currentTimeMillis() + Integer.getInteger("resync.offline.seconds", 60) * 1000L;
        int n = 0;
        while (System.currentTimeMillis() < offlineUntil) {
            String word = " off" + n++;
            ResyncIT.keyboard(alice, word);
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
            ResyncIT.keyboard(alice, word);
            typed.append(word);
            String bobWord = "b" + n++ + " ";
            bob.type(bobWord, 0);
            bobTyped.append(bobWord);
            EditorPage.pause(150); // typing speed, not synchronisation
            if (ResyncIT.adopted(alice) > 0) {
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
        assertThat(ResyncIT.focusInEditor(alice)).as("the caret is still in the editor; focus is on "
                + alice.js("const a = document.activeElement; return a ? a.tagName + '.' + a.className : 'nothing'")
                + ", alice: " + alice.stats()).isTrue();
        assertThat(alice.pending()).isFalse();
        System.out.println("resync: adopted=" + ResyncIT.adopted(alice) + " stats=" + alice.stats());
        cable.close();
    }
}
