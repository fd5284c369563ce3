package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.DocumentText;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Real Chromium, one browser process per person: concurrent writers converge, a late joiner sees
 * the same, an observer cannot change anything (not even with a tampered client), presence comes
 * and goes, a writer that goes offline merges on reconnect.
 */
class CoEditingIT {

    private final List<EditorPage> pages = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        pages.forEach(EditorPage::close);
    }

    EditorPage open(String user, long documentId) {
        long t0 = System.nanoTime();
        EditorPage page = new EditorPage(user);
        pages.add(page);
        page.signIn().open(documentId);
        System.out.printf("%s opened the document in %d ms%n", user, (System.nanoTime() - t0) / 1_000_000);
        return page;
    }

    static void eventually(Duration timeout, Supplier<Boolean> condition, Supplier<String> describe) {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Timed out: " + describe.get());
            }
            EditorPage.pause(100);
        }
    }

    static void converge(List<EditorPage> pages) {
        long t0 = System.nanoTime();
        eventually(Duration.ofSeconds(60), () -> {
            pages.forEach(EditorPage::idle);
            List<String> htmls = pages.stream().map(EditorPage::html).toList();
            return htmls.stream().distinct().count() == 1;
        }, () -> "pages differ: " + pages.stream().map(p -> p.user + ": " + p.html()).toList());
        System.out.printf("converged in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    static String sorted(String s) {
        char[] c = s.toCharArray();
        Arrays.sort(c);
        return new String(c);
    }

    @Test
    void three_writers_typing_at_once_with_formatting_converge_and_a_late_joiner_and_an_observer_see_the_same() {
        long doc = RunningApp.newDocument("Three writers " + System.nanoTime());
        EditorPage alice = open("chair-ict", doc);
        EditorPage bob = open("member-ict", doc);
        EditorPage carol = open("secretariat", doc);
        // the transport configured (ADR 117; socket unless -Dtcw.documents.transport=vaadin) is the one
        // in use: a socket that silently fell back to Vaadin would make this test prove nothing about it
        String transport = System.getProperty("tcw.documents.transport", "socket");
        for (EditorPage page : List.of(alice, bob, carol)) {
            assertThat(page.js("return document.querySelector('tcw-editor').transportInUse()")).isEqualTo(transport);
        }

        alice.caretAtEndOf(0);
        alice.type("Start of the shared line.", 0);
        alice.press(Keys.ENTER);
        alice.type("Second line.", 0);
        converge(List.of(alice, bob, carol));

        String a = " [alice: the quick brown fox jumps over the lazy dog]";
        String b = "[bob: lorem ipsum dolor sit amet] ";
        String c = " [carol: 0123456789 carol appends to the second line]";
        CompletableFuture<Void> typingA = CompletableFuture.runAsync(() -> {
            alice.caretAtEndOf(0);
            alice.type(a.substring(0, 20), 15);
            alice.press(Keys.CONTROL, "b");
            alice.type(a.substring(20), 15);
            alice.press(Keys.CONTROL, "b");
        });
        CompletableFuture<Void> typingB = CompletableFuture.runAsync(() -> {
            bob.caretAtStartOf(0);
            bob.type(b.substring(0, 10), 20);
            bob.type("XYZ", 20);
            for (int i = 0; i < 3; i++) {
                bob.press(Keys.BACK_SPACE);
            }
            bob.type(b.substring(10), 20);
        });
        CompletableFuture<Void> typingC = CompletableFuture.runAsync(() -> {
            carol.caretAtEndOf(1);
            carol.press(Keys.CONTROL, "i");
            carol.type(c, 12);
            carol.press(Keys.CONTROL, "i");
        });
        CompletableFuture.allOf(typingA, typingB, typingC).join();
        converge(List.of(alice, bob, carol));

        String html = alice.html();
        String text = alice.text();
        for (String piece : List.of(a, b, c)) {
            assertThat(text).contains(piece.trim());
        }
        assertThat(text).doesNotContain("XYZ");
        assertThat(html).contains("<strong>").contains("<em>");
        assertThat(html.split("<p>", -1)).as("exactly two paragraphs, nothing duplicated").hasSize(3);
        assertThat(sorted(text)).as("exactly the characters typed: nothing lost, nothing doubled")
                .isEqualTo(sorted("Start of the shared line.Second line." + a + b + c));
        // Every writer's text landed at that writer's caret (the caret-displacement risk of the spike):
        List<String> lines = List.of(alice.js("const d = document.querySelector('tcw-editor').editor.state.doc;"
                + "return [d.child(0).textContent, d.child(1).textContent].join('\\n')").toString().split("\n"));
        assertThat(lines.get(0)).isEqualTo(b + "Start of the shared line." + a);
        assertThat(lines.get(1)).isEqualTo("Second line." + c);

        // presence: everyone sees the two others
        eventually(Duration.ofSeconds(10), () -> alice.presentPeople().containsAll(List.of("David Okafor", "Claire Dubois")),
                () -> "alice sees " + alice.presentPeople());

        // a late joiner, an observer, loads the same content from the server and cannot change it
        EditorPage observer = open("observer-ict", doc);
        assertThat(observer.html()).isEqualTo(html);
        assertThat(observer.js("return document.querySelector('tcw-editor .ProseMirror').isContentEditable"))
                .isEqualTo(false);
        assertThat(observer.status()).isEqualTo("readonly");
        // a tampered client writes into its Yjs document directly: the server refuses the update
        observer.js("""
                const ed = document.querySelector('tcw-editor');
                const p = ed.ydoc.getXmlFragment('default').get(0);
                p.get(0).insert(0, 'TAMPERED ');
                """);
        eventually(Duration.ofSeconds(10), () -> "refused".equals(observer.status()), observer::status);
        EditorPage.pause(500);
        assertThat(alice.text()).doesNotContain("TAMPERED");
        eventually(Duration.ofSeconds(10), () -> alice.presentPeople().contains("Sophie Tremblay"),
                () -> "alice sees " + alice.presentPeople());

        // the observer closes the document (leaves the page): she disappears from the others' bar within seconds
        observer.driver.get("about:blank");
        eventually(Duration.ofSeconds(15), () -> !alice.presentPeople().contains("Sophie Tremblay"),
                () -> "alice still sees " + alice.presentPeople());
        System.out.printf("three writers: caret fixes %s/%s/%s, catch-ups %s%n", alice.stats().get("caretFixes"),
                bob.stats().get("caretFixes"), carol.stats().get("caretFixes"), alice.stats().get("catchUps"));
    }

    @Test
    void a_document_created_from_a_template_shows_the_templates_text_in_the_editor() {
        EditorPage chair = new EditorPage("chair-ict");
        pages.add(chair);
        chair.signIn();
        chair.js("window.location.assign(arguments[0])", RunningApp.url() + "commissions/ICT/documents");
        String title = "From the template " + System.nanoTime();
        // "New document": a guideline in English (the form's defaults), started from its template
        eventually(Duration.ofSeconds(60), () -> Boolean.TRUE.equals(chair.js("""
                const b = document.querySelector('#new-document');
                if (!b) return false;
                b.click();
                return true;""")), () -> "no New document button");
        eventually(Duration.ofSeconds(30), () -> Boolean.TRUE.equals(chair.js("""
                const f = document.querySelector('#title');
                const radios = document.querySelectorAll('#start vaadin-radio-button');
                if (!f || radios.length < 2) return false;
                f.value = arguments[0];
                f.dispatchEvent(new Event('change', {bubbles: true}));
                radios[1].querySelector('input').click();
                return true;""", title)), () -> "no New document form");
        eventually(Duration.ofSeconds(60), () -> Boolean.TRUE.equals(chair.js(
                "const t = document.querySelector('#template'); return !!t && !t.disabled && !!t.value")),
                () -> "no template offered");
        chair.js("document.querySelector('#save').click()");
        chair.waitForEditor();
        // the template's sections, in the editor, as the shipped English guideline template has them
        eventually(Duration.ofSeconds(60), () -> chair.text().contains("Foreword") && chair.text().contains(
                "Introduction"), () -> "editor: " + chair.text());
        assertThat(String.valueOf(chair.js("return document.title"))).contains(title);
    }

    @Test
    void a_writer_inserts_a_table_from_the_toolbar_and_the_other_writer_and_the_server_see_it() {
        long doc = RunningApp.newDocument("Table " + System.nanoTime());
        EditorPage alice = open("chair-ict", doc);
        EditorPage bob = open("member-ict", doc);

        alice.caretAtEndOf(0);
        alice.type("Members per country:", 0);
        // outside a table only "insert table" makes sense
        assertThat(alice.toolbarEnabled("table")).isTrue();
        for (String b : List.of("row-add", "row-delete", "col-add", "col-delete", "table-delete")) {
            assertThat(alice.toolbarEnabled(b)).as(b + " outside a table").isFalse();
        }
        alice.toolbar("table");
        // the caret is now in the first header cell; inside a table the table commands are enabled
        eventually(Duration.ofSeconds(5), () -> alice.toolbarEnabled("row-add"), () -> "row-add stays disabled");
        assertThat(alice.toolbarEnabled("table")).as("no table inside a table").isFalse();
        for (String b : List.of("row-delete", "col-add", "col-delete", "table-delete")) {
            assertThat(alice.toolbarEnabled(b)).as(b + " inside a table").isTrue();
        }
        alice.type("Country", 0);
        alice.press(Keys.TAB);
        alice.type("Members", 0);
        alice.toolbar("row-add");
        converge(List.of(alice, bob));

        String html = bob.html();
        assertThat(html).contains("<table").contains("<th").contains("Country").contains("Members");
        assertThat(html.split("<tr", -1)).as("header row + 2 rows + the added one").hasSize(5);
        assertThat(html.split("<th", -1)).as("3 header cells").hasSize(4);
        assertThat(bob.text()).isEqualTo("Members per country:CountryMembers");

        // the server derives the same table from the Yjs state (a few seconds after the last edit)
        DocumentService documents = RunningApp.bean(DocumentService.class);
        SignIn signIn = RunningApp.bean(SignIn.class);
        eventually(Duration.ofSeconds(30), () -> {
            signIn.as("member-ict");
            try {
                String derived = documents.text(doc).html();
                return derived.contains("Members</p></th>") && derived.split("<tr>", -1).length == 5;
            } finally {
                signIn.out();
            }
        }, () -> "the server did not derive the table");
        signIn.as("member-ict");
        try {
            DocumentText derived = documents.text(doc);
            assertThat(derived.html()).startsWith("<p>Members per country:</p><table><tbody><tr><th><p>Country</p></th>"
                    + "<th><p>Members</p></th><th><p></p></th></tr>");
            assertThat(derived.html().split("<tr>", -1)).hasSize(5);
            // the editor keeps an empty paragraph after a table inserted at the end of the document
            assertThat(derived.html()).endsWith("</tr></tbody></table><p></p>");
            assertThat(derived.text()).isEqualTo("Members per country:\nCountry | Members | \n |  | \n |  | \n |  | \n");
        } finally {
            signIn.out();
        }
    }

    @Test
    void a_writer_who_goes_offline_keeps_typing_and_everything_merges_on_reconnect() {
        long doc = RunningApp.newDocument("Offline " + System.nanoTime());
        Offline cable = new Offline(RunningApp.port());
        EditorPage alice = new EditorPage("chair-ict").through(cable);
        pages.add(alice);
        alice.signIn().open(doc);
        EditorPage bob = open("member-ict", doc);
        alice.caretAtEndOf(0);
        alice.type("Shared start.", 0);
        converge(List.of(alice, bob));

        cable.goOffline();
        alice.caretAtEndOf(0);
        alice.type(" Alice offline one.", 10);
        bob.caretAtStartOf(0);
        bob.type("Bob online. ", 10);
        bob.idle();
        eventually(Duration.ofSeconds(30), () -> "offline".equals(alice.status()),
                () -> alice.status() + " " + alice.js("return JSON.stringify(document.querySelector('tcw-editor').statusLog)")
                        + " alice: " + alice.text() + " / bob: " + bob.text());
        System.out.println("alice's status: " + alice.js("return JSON.stringify(document.querySelector('tcw-editor').statusLog)"));
        EditorPage.pause(1000);
        assertThat(alice.text()).as("alice really is offline").doesNotContain("Bob online.");
        assertThat(bob.text()).doesNotContain("Alice offline");
        alice.type(" Alice offline two.", 10);
        cable.goOnline();

        converge(List.of(alice, bob));
        eventually(Duration.ofSeconds(10), () -> "saved".equals(alice.status()), alice::status);
        assertThat(alice.text()).isEqualTo("Bob online. Shared start. Alice offline one. Alice offline two.");
        assertThat(bob.text()).isEqualTo(alice.text());
        cable.close();
    }

    /**
     * Each person sees the other's caret with their name (TipTap's CollaborationCaret:
     * {@code .collaboration-carets__label}), drawn and visible: when both are placed, after a new
     * paragraph of one's own while the other does not move (y-tiptap takes every remote caret away on
     * a local structural change and draws it again only when that person's presence changes; the
     * editor's RedrawCarets draws them again at once), and for someone who opens the page while
     * the other's caret is still.
     */
    @Test
    void each_writer_sees_the_others_caret_with_their_name_also_after_a_new_paragraph_and_on_opening() {
        long doc = RunningApp.newDocument("Carets " + System.nanoTime());
        EditorPage alice = open("chair-ict", doc);
        EditorPage bob = open("member-ict", doc);
        String aliceName = userName(alice);
        String bobName = userName(bob);
        assertThat(aliceName).isNotEqualTo(bobName);

        alice.caretAtEndOf(-1);
        alice.press(Keys.ENTER);
        alice.type("[alice] writes here.", 0);
        converge(List.of(alice, bob));
        bob.caretAtEndOf(-1);
        bob.press(Keys.ENTER);
        bob.type("[bob] writes here.", 0);
        converge(List.of(alice, bob));

        caretAfter(alice, "[alice]");
        caretAfter(bob, "[bob]");
        eventually(Duration.ofSeconds(10), () -> Carets.labels(alice).equals(List.of(bobName))
                && Carets.labels(bob).equals(List.of(aliceName)),
                () -> "labels drawn for alice " + Carets.labels(alice) + ", for bob " + Carets.labels(bob));

        // a new paragraph of alice's own (a structural change) while bob's caret stays where it is
        alice.press(Keys.ENTER);
        alice.type("[alice] again", 0);
        converge(List.of(alice, bob));
        eventually(Duration.ofSeconds(5), () -> Carets.labels(alice).equals(List.of(bobName)),
                () -> "after alice's new paragraph, alice sees the labels " + Carets.labels(alice)
                        + " (bob's presence there: " + alice.js("""
                                const e = document.querySelector('tcw-editor');
                                return JSON.stringify([...e.awareness.getStates()].filter(([id]) => id !== e.ydoc.clientID)
                                    .map(([id, st]) => ({id, user: st.user, cursor: !!st.cursor})));""") + ")");
        eventually(Duration.ofSeconds(5), () -> Carets.labels(bob).equals(List.of(aliceName)),
                () -> "bob sees the labels " + Carets.labels(bob));

        // bob opens the page again while alice's caret stays still: her caret is drawn from the presence he joins with
        bob.open(doc);
        // (contains: the caret of bob's previous page may linger until the server has seen it go)
        eventually(Duration.ofSeconds(10), () -> Carets.labels(bob).contains(aliceName),
                () -> "after opening again, bob sees the labels " + Carets.labels(bob));
        caretAfter(bob, "[bob]");
        eventually(Duration.ofSeconds(10), () -> Carets.labels(alice).contains(bobName),
                () -> "alice sees the labels " + Carets.labels(alice));
    }

    private static String userName(EditorPage page) {
        return (String) page.js("return document.querySelector('tcw-editor').userName");
    }

    /** Puts the caret at the end of the paragraph that starts with {@code marker}, with the focus in the text. */
    private static void caretAfter(EditorPage page, String marker) {
        page.js("""
                const ed = document.querySelector('tcw-editor').editor;
                let end = -1;
                ed.state.doc.forEach((node, offset) => {
                  if (node.textContent.startsWith(arguments[0])) end = offset + node.nodeSize - 1;
                });
                if (end < 0) throw new Error('no paragraph starting with ' + arguments[0]);
                ed.commands.focus();
                ed.commands.setTextSelection(end);
                """, marker);
    }
}
