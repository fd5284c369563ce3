package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.documents.suggestions.SuggestOnlyService;
import org.issa.tcw.documents.suggestions.SuggestOnlySettings;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Suggestions in real Chromium, one browser per person: a member suggests, the chair accepts one
 * suggestion and rejects another, every replica ends with the same right text; a whole new
 * paragraph suggested (a ProseMirror node mark, which y-tiptap alone does not sync) reaches another
 * replica and survives its reload; a suggest-only observer's forged plain insertion is refused.
 */
class SuggestionsIT {

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
        EditorPage page = new EditorPage(user);
        pages.add(page);
        page.signIn().open(documentId);
        return page;
    }

    static void eventually(Supplier<Boolean> condition, Supplier<String> describe) {
        CoEditingIT.eventually(Duration.ofSeconds(60), condition, describe);
    }

    /** The chair writes {@code text} into a new document; {@code other} opens it and sees it. */
    EditorPage[] written(long doc, String text, String other) {
        EditorPage chair = open("chair-ict", doc);
        chair.caretAtEndOf(0);
        chair.type(text, 0);
        chair.idle();
        EditorPage page = open(other, doc);
        eventually(() -> page.text().equals(text), page::text);
        return new EditorPage[] {chair, page};
    }

    /** The chair marks the commission's observers suggest-only on the document. */
    static void observersSuggestOnly(long doc) {
        SignIn signIn = RunningApp.bean(SignIn.class);
        signIn.as("chair-ict");
        try {
            RunningApp.bean(SuggestOnlyService.class).save(doc,
                    new SuggestOnlySettings(EnumSet.of(CommissionRole.OBSERVER), Set.of()));
        } finally {
            signIn.out();
        }
    }

    /** Inserts at the end of the document, through the editor, a one-row table with these cell texts. */
    static void oneRowTable(EditorPage page, String first, String second) {
        page.js("""
                const ed = document.querySelector('tcw-editor').editor;
                const cell = (text) => ({type: 'tableCell', content: [{type: 'paragraph', content: [{type: 'text', text}]}]});
                ed.commands.insertContentAt(ed.state.doc.content.size,
                  {type: 'table', content: [{type: 'tableRow', content: [cell(arguments[0]), cell(arguments[1])]}]});
                """, first, second);
    }

    static List<WebElement> suggestionItems(EditorPage page) {
        return page.driver.findElements(By.cssSelector("#suggestion-items [data-suggestion-id]"));
    }

    /**
     * Clicks the button {@code action} (accept, reject, withdraw) of the listed suggestion whose text
     * contains {@code text}, as a person would, until the list (refreshed from the server) no longer
     * shows it. The list is re-rendered whenever the editor sees the suggestions change, so a click
     * can land on a button that was just replaced; it is then clicked again (a second accept or
     * reject of the same suggestion changes nothing).
     */
    static void act(EditorPage page, String text, String action) {
        eventually(() -> Boolean.TRUE.equals(page.js("""
                return [...document.querySelectorAll('#suggestion-items [data-suggestion-id]')]
                    .some(i => i.textContent.includes(arguments[0]));""", text)),
                () -> page.user + " does not list a suggestion with '" + text + "'");
        eventually(() -> {
            Object listed = page.js("""
                    const item = [...document.querySelectorAll('#suggestion-items [data-suggestion-id]')]
                        .find(i => i.textContent.includes(arguments[0]));
                    const button = item && item.querySelector("vaadin-button[id^='suggestion-" + arguments[1] + "-']");
                    if (button) button.click();
                    return !!item;
                    """, text, action);
            if (Boolean.TRUE.equals(listed)) {
                EditorPage.pause(1000);
                return false;
            }
            return true;
        }, () -> page.user + " still lists '" + text + "' after " + action);
    }

    static long marks(EditorPage page, String selector) {
        return ((Number) page.js("return document.querySelectorAll('tcw-editor .ProseMirror " + selector + "').length"))
                .longValue();
    }

    @Test
    void a_members_suggestions_one_accepted_one_rejected_by_the_chair_give_the_same_text_everywhere() {
        long doc = RunningApp.newDocument("Suggestions " + System.nanoTime());
        EditorPage[] two = written(doc, "Base text.", "member-ict");
        EditorPage chair = two[0];
        EditorPage member = two[1];
        EditorPage secretariat = open("secretariat", doc);

        member.toolbar("mode-suggesting");
        member.caretAtEndOf(0);
        member.type(" Keep this.", 10);
        member.caretAtStartOf(0);
        member.type("Drop this. ", 10);
        member.idle();
        // everyone sees both suggestions, coloured, with their author in the title
        eventually(() -> marks(secretariat, "ins.tcw-insertion") >= 2, secretariat::html);
        Supplier<String> title = () -> (String) secretariat.js("const t = document.querySelector("
                + "'tcw-editor .ProseMirror [data-suggestion-author]'); return t ? t.getAttribute('title') : ''");
        eventually(() -> String.valueOf(title.get()).contains("David Okafor"), () -> "title: " + title.get());
        eventually(() -> suggestionItems(chair).size() == 2, () -> "chair lists " + suggestionItems(chair).size());

        act(chair, "Drop this.", "reject");
        act(chair, "Keep this.", "accept");
        for (EditorPage page : List.of(chair, member, secretariat)) {
            eventually(() -> page.text().equals("Base text. Keep this.") && marks(page, "ins, del") == 0,
                    () -> page.user + ": " + page.html());
        }
        eventually(() -> suggestionItems(member).isEmpty(), () -> "member still lists suggestions");
    }

    @Test
    void a_whole_new_paragraph_suggested_reaches_another_replica_and_survives_its_reload() {
        long doc = RunningApp.newDocument("Block suggestion " + System.nanoTime());
        EditorPage[] two = written(doc, "First paragraph.", "member-ict");
        EditorPage chair = two[0];
        EditorPage member = two[1];
        member.toolbar("mode-suggesting");
        // a whole paragraph inserted (as a paste of a paragraph would): a node mark on the new block
        member.js("""
                const ed = document.querySelector('tcw-editor').editor;
                ed.commands.insertContentAt(ed.state.doc.content.size,
                    {type: 'paragraph', content: [{type: 'text', text: 'A suggested paragraph.'}]});
                """);
        member.idle();
        String blockMarks = "return JSON.stringify(document.querySelector('tcw-editor').editor.state.doc.child(1)"
                + ".marks.map(m => m.type.name))";
        assertThat(member.js(blockMarks)).isEqualTo("[\"insertion\"]");
        eventually(() -> chair.text().contains("A suggested paragraph.") && "[\"insertion\"]".equals(chair.js(blockMarks)),
                () -> "chair: " + chair.html() + " " + chair.js(blockMarks));
        assertThat(marks(chair, ".tcw-block-insertion")).isEqualTo(1);

        chair.open(doc); // reload
        eventually(() -> chair.text().contains("A suggested paragraph."), chair::text);
        assertThat(chair.js(blockMarks)).isEqualTo("[\"insertion\"]");
        assertThat(marks(chair, ".tcw-block-insertion")).isEqualTo(1);

        // rejected by the chair: the paragraph goes, everywhere
        act(chair, "", "reject");
        for (EditorPage page : List.of(chair, member)) {
            eventually(() -> page.text().equals("First paragraph."), () -> page.user + ": " + page.html());
        }
    }

    @Test
    void a_suggest_only_observer_suggests_without_a_switch_and_a_forged_plain_insertion_is_refused() {
        long doc = RunningApp.newDocument("Suggest-only " + System.nanoTime());
        observersSuggestOnly(doc);
        EditorPage[] two = written(doc, "Agreed.", "observer-ict");
        EditorPage chair = two[0];
        EditorPage observer = two[1];
        assertThat(observer.driver.findElements(By.id("tb-mode-editing"))).isEmpty();
        assertThat(observer.driver.findElements(By.id("suggest-only"))).hasSize(1);
        observer.caretAtEndOf(0);
        observer.type(" Proposed.", 10);
        observer.idle();
        eventually(() -> marks(chair, "ins.tcw-insertion") >= 1 && chair.text().equals("Agreed. Proposed."), chair::html);
        // a forged client: a plain insertion written straight into the Yjs document
        observer.js("""
                const el = document.querySelector('tcw-editor');
                const p = el.ydoc.getXmlFragment('default').get(0);
                p.get(0).insert(0, 'FORGED ');
                """);
        eventually(() -> "refused".equals(observer.status()), observer::status);
        EditorPage.pause(500);
        assertThat(chair.text()).isEqualTo("Agreed. Proposed.");
    }

    @Test
    void a_paragraph_suggested_inside_a_table_cell_is_a_block_suggestion_on_every_replica_and_rejecting_keeps_the_table() {
        long doc = RunningApp.newDocument("Cell suggestion " + System.nanoTime());
        EditorPage[] two = written(doc, "Before the table.", "member-ict");
        EditorPage chair = two[0];
        EditorPage member = two[1];
        oneRowTable(chair, "Cell one.", "Cell two.");
        chair.idle();
        eventually(() -> member.text().contains("Cell two."), member::text);
        member.toolbar("mode-suggesting");
        // a whole paragraph suggested at the end of the first cell
        member.js("""
                const ed = document.querySelector('tcw-editor').editor;
                let at = -1;
                ed.state.doc.descendants((node, pos) => {
                  if (at < 0 && node.type.name === 'tableCell') at = pos + node.nodeSize - 1;
                  return at < 0;
                });
                ed.commands.insertContentAt(at, {type: 'paragraph', content: [{type: 'text', text: 'Suggested in a cell.'}]});
                """);
        member.idle();
        String cellMarks = """
                let out = null;
                document.querySelector('tcw-editor').editor.state.doc.descendants((node) => {
                  if (node.type.name === 'paragraph' && node.textContent.includes('Suggested in a cell.'))
                    out = JSON.stringify(node.marks.map(m => m.type.name));
                });
                return out;""";
        assertThat(member.js(cellMarks)).as("a node mark, not the inline fallback").isEqualTo("[\"insertion\"]");
        eventually(() -> "[\"insertion\"]".equals(chair.js(cellMarks)), () -> "chair: " + chair.js(cellMarks) + " " + chair.html());
        chair.open(doc); // reload
        eventually(() -> chair.text().contains("Suggested in a cell."), chair::text);
        assertThat(chair.js(cellMarks)).isEqualTo("[\"insertion\"]");

        act(chair, "Suggested in a cell.", "reject");
        String cells = "return document.querySelectorAll('tcw-editor .ProseMirror td').length";
        for (EditorPage page : List.of(chair, member)) {
            eventually(() -> !page.text().contains("Suggested in a cell.") && page.text().contains("Cell one.")
                    && ((Number) page.js(cells)).intValue() == 2, () -> page.user + ": " + page.html());
        }
    }

    @Test
    void a_suggest_only_observers_new_row_and_deleted_column_are_suggestions_accepted_and_rejected_by_the_chair() {
        long doc = RunningApp.newDocument("Row suggestion " + System.nanoTime());
        observersSuggestOnly(doc);
        EditorPage[] two = written(doc, "Members:", "observer-ict");
        EditorPage chair = two[0];
        EditorPage observer = two[1];
        oneRowTable(chair, "Ana", "Chair");
        chair.idle();
        eventually(() -> observer.text().contains("Chair"), observer::text);
        String caretInAna = """
                const ed = document.querySelector('tcw-editor').editor;
                let at = -1;
                ed.state.doc.descendants((node, pos) => { if (at < 0 && node.isText && node.text === 'Ana') at = pos + 1; });
                ed.commands.focus();
                ed.commands.setTextSelection(at);""";
        String rowMarks = """
                const out = [];
                document.querySelector('tcw-editor').editor.state.doc.descendants((node) => {
                  if (node.type.name === 'tableRow') out.push(node.marks.map(m => m.type.name).join('+') || '-');
                });
                return out.join(',');""";
        String cells = "return document.querySelectorAll('tcw-editor .ProseMirror td').length";

        // a row, added with the toolbar like a person: a suggestion, not refused, on both replicas
        observer.js(caretInAna);
        observer.toolbar("row-add");
        observer.idle();
        assertThat(observer.status()).isNotEqualTo("refused");
        assertThat(observer.js(rowMarks)).isEqualTo("-,insertion");
        eventually(() -> "-,insertion".equals(chair.js(rowMarks)), () -> "chair: " + chair.js(rowMarks));
        act(chair, "", "accept");
        for (EditorPage page : List.of(chair, observer)) {
            eventually(() -> "-,-".equals(page.js(rowMarks)) && ((Number) page.js(cells)).intValue() == 4,
                    () -> page.user + ": " + page.js(rowMarks) + " " + page.html());
        }

        // a column deleted: every cell of it marked, the table unchanged until the chair decides
        observer.js(caretInAna);
        observer.toolbar("col-delete");
        observer.idle();
        assertThat(observer.status()).isNotEqualTo("refused");
        String deletedCells = """
                let n = 0;
                document.querySelector('tcw-editor').editor.state.doc.descendants((node) => {
                  if (node.type.name === 'tableCell' && node.marks.some(m => m.type.name === 'deletion')) n++;
                });
                return n;""";
        assertThat(observer.js(deletedCells)).isEqualTo(2L);
        eventually(() -> Long.valueOf(2).equals(chair.js(deletedCells)), chair::html);
        act(chair, "", "reject");
        for (EditorPage page : List.of(chair, observer)) {
            eventually(() -> Long.valueOf(0).equals(page.js(deletedCells)) && ((Number) page.js(cells)).intValue() == 4
                    && page.text().contains("Ana"), () -> page.user + ": " + page.html());
        }
    }

    @Test
    void a_suggestions_comment_thread_reaches_the_other_editors_live_and_stays_after_acceptance() {
        long doc = RunningApp.newDocument("Suggestion thread " + System.nanoTime());
        EditorPage[] two = written(doc, "Base text.", "member-ict");
        EditorPage chair = two[0];
        EditorPage member = two[1];
        member.toolbar("mode-suggesting");
        member.caretAtEndOf(0);
        member.type(" Discuss this.", 10);
        member.idle();
        eventually(() -> suggestionItems(member).size() == 1 && suggestionItems(chair).size() == 1,
                () -> "listed: " + suggestionItems(member).size() + " / " + suggestionItems(chair).size());
        // the member starts the suggestion's thread from the list
        eventually(() -> Boolean.TRUE.equals(member.js("""
                const b = document.getElementById('suggestion-0-thread-open');
                if (b) b.click();
                return !!document.getElementById('suggestion-0-thread-body');""")), member::html);
        By area = By.cssSelector("#suggestion-0-thread-body textarea");
        eventually(() -> !member.driver.findElements(area).isEmpty(), () -> "the thread's box did not open");
        member.driver.findElement(area).sendKeys("Is this *clear*?");
        CommentsIT.click(member, By.id("suggestion-0-thread-send"));
        // the chair sees it without reloading
        eventually(() -> Boolean.TRUE.equals(chair.js("""
                const box = document.getElementById('suggestion-0-thread');
                return !!box && box.innerHTML.includes('<em>clear</em>');""")), chair::html);
        act(chair, "Discuss this.", "accept");
        for (EditorPage page : List.of(chair, member)) {
            eventually(() -> Boolean.TRUE.equals(page.js("""
                    const h = document.getElementById('suggestion-history');
                    return !!h && h.textContent.includes('Discuss this.') && h.innerHTML.includes('<em>clear</em>');""")),
                    () -> page.user + ": " + page.html());
        }
    }
}
