package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server stops and starts again while people type: nothing that was acknowledged is lost,
 * what was typed while it was down is sent when the editor is back, and nothing is doubled.
 */
class ServerRestartIT {

    private final List<EditorPage> pages = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        pages.forEach(EditorPage::close);
        RunningApp.startAgain();
    }

    EditorPage open(String user, long documentId) {
        EditorPage page = new EditorPage(user);
        pages.add(page);
        return page.signIn().open(documentId);
    }

    @Test
    void the_relay_forgets_its_editors_and_they_join_again_and_resend_what_is_missing() {
        long doc = RunningApp.newDocument("Relay restart " + System.nanoTime());
        EditorPage alice = open("chair-ict", doc);
        EditorPage bob = open("member-ict", doc);
        alice.caretAtEndOf(0);
        alice.type("Before.", 5);
        CoEditingIT.converge(List.of(alice, bob));

        var admin = RunningApp.bean(org.issa.tcw.testsupport.SignIn.class);
        admin.as("admin");
        try {
            RunningApp.bean(org.issa.tcw.documents.DocumentCollaboration.class).forgetEditors();
        } finally {
            admin.out();
        }
        alice.type(" After one.", 5);
        bob.caretAtStartOf(0);
        bob.type("Bob after. ", 5);
        alice.type(" After two.", 5);
        CoEditingIT.converge(List.of(alice, bob));
        assertThat(alice.text()).isEqualTo("Bob after. Before. After one. After two.");
        assertThat(((Number) alice.stats().get("rejoins")).intValue()).isPositive();
    }

    @Test
    void the_server_restarts_while_a_writer_types_and_nothing_is_lost_or_doubled() {
        long doc = RunningApp.newDocument("Server restart " + System.nanoTime());
        EditorPage alice = open("chair-ict", doc);
        alice.caretAtEndOf(0);
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String word = "acked" + i + " ";
            alice.type(word, 5);
            typed.append(word);
        }
        alice.idle();
        assertThat(alice.status()).isEqualTo("saved");

        RunningApp.stop();
        for (int i = 0; i < 6; i++) {
            String word = "down" + i + " ";
            alice.type(word, 5);
            typed.append(word);
        }
        CoEditingIT.eventually(Duration.ofSeconds(15), () -> "offline".equals(alice.status()), alice::status);
        EditorPage.pause(400);
        RunningApp.startAgain();

        // The session died with the server: sign in again (Keycloak's SSO does this silently in
        // production) and open the document; the editor sends what the server did not acknowledge.
        alice.signIn().open(doc);
        EditorPage bob = open("member-ict", doc);
        CoEditingIT.converge(List.of(alice, bob));
        String expected = typed.toString().trim();
        assertThat(alice.text().trim()).isEqualTo(expected);
        assertThat(bob.text().trim()).isEqualTo(expected);
        assertThat(((Number) alice.stats().get("resentAfterReload")).intValue()).isEqualTo(1);
    }
}
