package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Comments anchored by Yjs relative positions, in real browsers (one person each): two people
 * comment and reply while a third types before and inside the commented ranges; every replica shows
 * the same ranges, also after a reload; deleting the commented text detaches the comment.
 */
class CommentsIT {

    private final List<EditorPage> pages = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        pages.forEach(EditorPage::close);
    }

    EditorPage open(String user, long doc) {
        EditorPage page = new EditorPage(user);
        pages.add(page);
        return page.signIn().open(doc);
    }

    /** The ProseMirror position of the first character of {@code text} (which lies in one text node). */
    static int posOf(EditorPage page, String text) {
        return ((Number) page.js("""
                const doc = document.querySelector('tcw-editor').editor.state.doc;
                let found = -1;
                doc.descendants((node, pos) => {
                  if (found < 0 && node.isText) { const i = node.text.indexOf(arguments[0]); if (i >= 0) found = pos + i; }
                });
                return found;""", text)).intValue();
    }

    /** Selects from the start of {@code first} to the end of {@code last} (also in a read-only editor). */
    static void select(EditorPage page, String first, String last) {
        int from = posOf(page, first);
        int to = posOf(page, last) + last.length();
        assertThat(from).as(first).isGreaterThanOrEqualTo(0);
        page.js("""
                const view = document.querySelector('tcw-editor').editor.view;
                const sel = view.state.selection.constructor.create(view.state.doc, arguments[0], arguments[1]);
                view.dispatch(view.state.tr.setSelection(sel));""", from, to);
    }

    /** Comments on the selected text through the panel's button, like a person. */
    static void comment(EditorPage page, String first, String last, String body) {
        select(page, first, last);
        click(page, By.id("comment-add"));
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> !page.driver.findElements(By.cssSelector("#comment-body textarea"))
                .isEmpty(), () -> "the comment form did not open for " + page.user);
        page.driver.findElement(By.cssSelector("#comment-body textarea")).sendKeys(body);
        click(page, By.id("comment-send"));
    }

    static void reply(EditorPage page, long commentId, String body) {
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> !page.driver.findElements(By.id("comment-reply-open-" + commentId))
                .isEmpty(), () -> "no reply button for " + commentId + " at " + page.user);
        click(page, By.id("comment-reply-open-" + commentId));
        By area = By.cssSelector("#comment-" + commentId + "-reply-body textarea");
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> !page.driver.findElements(area).isEmpty(),
                () -> "the reply box did not open");
        for (int attempt = 0; ; attempt++) {
            try {
                page.driver.findElement(area).sendKeys(body);
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
        click(page, By.id("comment-reply-send-" + commentId));
    }

    /**
     * Clicks, finding the element again if a live update re-rendered it meanwhile, and again if
     * something (a notification) covered it for a moment.
     */
    static void click(EditorPage page, By by) {
        for (int attempt = 0; ; attempt++) {
            try {
                var element = page.driver.findElement(by);
                // as a person would: bring it to the middle of the window first (the side column is long)
                page.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.ElementClickInterceptedException e) {
                if (attempt > 10) {
                    throw e;
                }
                EditorPage.pause(100);
            }
        }
    }

    /** id → text of the range it resolves to here (null: detached). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> ranges(EditorPage page) {
        return (Map<String, Object>) page.js("""
                const r = document.querySelector('tcw-editor').commentRanges();
                const out = {};
                for (const [id, v] of Object.entries(r)) out[id] = v ? v.text : null;
                return out;""");
    }

    static long idOf(EditorPage page, String quote) {
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> ranges(page).containsValue(quote),
                () -> "no comment on " + quote + ": " + ranges(page));
        return ranges(page).entrySet().stream().filter(e -> quote.equals(e.getValue())).map(e -> Long.parseLong(e.getKey()))
                .findFirst().orElseThrow(() -> new AssertionError("no comment on " + quote + ": " + ranges(page)));
    }

    /** Every replica shows the same ranges, with these texts. */
    void sameRanges(Map<String, String> expected) {
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> pages.stream().allMatch(p -> expected.equals(texts(p))),
                () -> "ranges differ: " + pages.stream().map(p -> p.user + "=" + ranges(p)).toList());
    }

    static Map<String, String> texts(EditorPage page) {
        Map<String, String> out = new java.util.TreeMap<>();
        ranges(page).forEach((k, v) -> out.put(k, v == null ? "<detached>" : v.toString()));
        return out;
    }

    static int replies(EditorPage page, long commentId) {
        return ((Number) page.js("return document.querySelectorAll('#comment-' + arguments[0] + ' .tcw-comment-reply').length",
                commentId)).intValue();
    }

    @Test
    void comments_and_replies_stay_on_their_text_while_someone_types_before_and_inside_them_also_after_reload() throws Exception {
        long doc = RunningApp.newDocument("Comments " + System.nanoTime());
        EditorPage writer = open("chair-ict", doc);
        EditorPage member = open("member-ict", doc);
        EditorPage observer = open("observer-ict", doc);
        writer.caretAtEndOf(0);
        writer.type("Alpha beta gamma delta epsilon.", 0);
        CoEditingIT.converge(pages);

        // the writer types before and inside the ranges while the two others comment
        CompletableFuture<Void> typing = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 3; i++) {
                writer.caretAtStartOf(0);
                writer.type("Intro" + i + " ", 40);
                writer.js("const ed = document.querySelector('tcw-editor').editor; ed.commands.focus();"
                        + "ed.commands.setTextSelection(arguments[0]);", posOf(writer, "gamma") + 5);
                writer.type(" x" + i, 40);
            }
        });
        CompletableFuture<Void> memberComments = CompletableFuture.runAsync(
                () -> comment(member, "beta", "delta", "Is **beta** right? @chair-ict"));
        comment(observer, "epsilon", "epsilon", "Observers may comment too");
        memberComments.get();
        typing.get();
        CoEditingIT.converge(pages);
        String inside = "beta gamma x2 x1 x0 delta";
        assertThat(writer.text()).isEqualTo("Intro2 Intro1 Intro0 Alpha " + inside + " epsilon.");
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> ranges(writer).size() == 2, () -> "ranges: " + ranges(writer));
        long onBeta = idOf(writer, inside);
        long onDelta = idOf(writer, "epsilon");
        Map<String, String> expected = Map.of(String.valueOf(onBeta), inside, String.valueOf(onDelta), "epsilon");
        sameRanges(expected);

        // replies, at the same time, from both commenters
        CompletableFuture<Void> memberReplies = CompletableFuture.runAsync(() -> reply(member, onDelta, "Agreed"));
        reply(observer, onBeta, "I think so");
        memberReplies.get();
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> pages.stream()
                .allMatch(p -> replies(p, onBeta) == 1 && replies(p, onDelta) == 1), () -> "replies not everywhere");
        // the highlight is in the text for everyone
        for (EditorPage p : pages) {
            assertThat(((Number) p.js("return document.querySelectorAll('tcw-editor .tcw-comment').length")).intValue())
                    .as(p.user).isGreaterThanOrEqualTo(2);
        }

        for (EditorPage p : pages) {
            p.driver.navigate().refresh();
            p.waitForEditor();
        }
        sameRanges(expected);

        // the commented text is deleted: the comment stays, detached, with the text it was on
        int from = posOf(writer, "epsilon");
        writer.js("const ed = document.querySelector('tcw-editor').editor; ed.commands.focus();"
                + "ed.commands.setTextSelection({from: arguments[0], to: arguments[1]});", from, from + "epsilon".length());
        writer.press(Keys.BACK_SPACE);
        CoEditingIT.converge(pages);
        sameRanges(Map.of(String.valueOf(onBeta), inside, String.valueOf(onDelta), "<detached>"));
        for (EditorPage p : pages) {
            CoEditingIT.eventually(Duration.ofSeconds(20), () -> Boolean.TRUE.equals(p.js(
                    "const c = document.getElementById('comment-' + arguments[0]); return !!c && c.classList.contains('detached')"
                            + " && c.textContent.includes('epsilon')", onDelta)), () -> p.user + " shows no detached card");
        }
        System.out.println("comments: " + writer.stats());
    }

    @Test
    void a_comment_stays_highlighted_when_its_paragraph_is_joined_to_the_one_before() {
        long doc = RunningApp.newDocument("Joined paragraphs " + System.nanoTime());
        EditorPage writer = twoParagraphsOpenTwice(doc);
        EditorPage reader = pages.get(1);
        comment(writer, "red", "kite", "On the kite");
        long id = idOf(writer, "red kite");
        idOf(reader, "red kite");

        // Backspace at the start of the second paragraph: y-tiptap deletes it and re-inserts its text
        // into the first, so the comment's relative positions no longer resolve; the editor finds the
        // quote where the range was and the server moves the anchor
        writer.caretAtStartOf(1);
        writer.press(Keys.BACK_SPACE);
        CoEditingIT.converge(pages);
        for (EditorPage p : pages) {
            CoEditingIT.eventually(Duration.ofSeconds(30), () -> Boolean.TRUE.equals(p.js("""
                    let joined = false;
                    document.querySelector('tcw-editor').editor.state.doc.forEach(n => {
                      if (n.textContent.includes('ends here.A red kite')) joined = true;
                    });
                    return joined;""")), () -> p.user + ": the paragraphs were not joined: " + p.html());
        }
        highlightedEverywhere(id, "red kite");
        // and after a reload, from the stored anchor
        writer.open(doc);
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> "red kite".equals(ranges(writer).get(String.valueOf(id))),
                () -> "after reload: " + ranges(writer));
    }

    @Test
    void a_comment_across_two_paragraphs_stays_on_its_words_when_they_are_joined_and_split_again() {
        long doc = RunningApp.newDocument("Comment across paragraphs " + System.nanoTime());
        EditorPage writer = twoParagraphsOpenTwice(doc);
        EditorPage reader = pages.get(1);
        comment(writer, "ends", "kite", "Across the paragraph break");
        long id = idOf(writer, "ends here.\nA red kite");
        idOf(reader, "ends here.\nA red kite");

        // Backspace at the start of the second paragraph: the range's end is in the deleted paragraph
        writer.caretAtStartOf(1);
        writer.press(Keys.BACK_SPACE);
        CoEditingIT.converge(pages);
        highlightedEverywhere(id, "ends here.A red kite");

        // Enter between "here." and "A": the range's last character goes to a new paragraph
        writer.js("""
                const ed = document.querySelector('tcw-editor').editor;
                let at = -1;
                ed.state.doc.descendants((n, pos) => { if (at < 0 && n.isText && n.text.includes('A red kite')) at = pos + n.text.indexOf('A red kite'); });
                ed.commands.focus();
                ed.commands.setTextSelection(at);""");
        writer.press(Keys.ENTER);
        CoEditingIT.converge(pages);
        highlightedEverywhere(id, "ends here.\nA red kite");

        // and after a reload, from the stored anchor
        writer.open(doc);
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> "ends here.\nA red kite".equals(ranges(writer).get(String.valueOf(id))),
                () -> "after reload: " + ranges(writer));
    }

    /** Two paragraphs typed by member-ict ("… ends here." / "A red kite circles above."), open by chair-ict too. */
    EditorPage twoParagraphsOpenTwice(long doc) {
        EditorPage writer = open("member-ict", doc);
        writer.caretAtEndOf(0);
        writer.type("The first paragraph ends here.", 0);
        writer.press(Keys.ENTER);
        writer.type("A red kite circles above.", 0);
        writer.idle();
        EditorPage reader = open("chair-ict", doc);
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> reader.text().contains("red kite"), reader::text);
        return writer;
    }

    /** Every open editor highlights comment {@code id} on exactly {@code text} (block breaks as "\n"). */
    void highlightedEverywhere(long id, String text) {
        for (EditorPage p : pages) {
            CoEditingIT.eventually(Duration.ofSeconds(30), () -> text.equals(ranges(p).get(String.valueOf(id)))
                    && Boolean.TRUE.equals(p.js("return [...document.querySelectorAll('tcw-editor .tcw-comment[data-comment=\"'"
                            + " + arguments[0] + '\"]')].map(e => e.textContent).join('') === arguments[1]", id,
                            text.replace("\n", ""))),
                    () -> p.user + " does not show the comment highlighted on " + text + ": " + ranges(p));
            assertThat(p.js("return document.querySelector('tcw-editor').commentResolverMismatches().length")).isEqualTo(0L);
        }
    }

    @Test
    void an_observer_comments_from_the_read_only_editor_with_ctrl_alt_m() {
        long doc = RunningApp.newDocument("Observer shortcut " + System.nanoTime());
        EditorPage chair = open("chair-ict", doc);
        chair.caretAtEndOf(0);
        chair.type("The quick brown fox jumps.", 0);
        chair.idle();
        EditorPage observer = open("observer-ict", doc);
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> observer.text().contains("brown fox"), observer::text);
        // select "brown fox" with the keyboard's focus in the read-only text (no ProseMirror key bindings run there)
        observer.js("""
                const dom = document.querySelector('tcw-editor').editor.view.dom;
                dom.focus();
                const walker = document.createTreeWalker(dom, NodeFilter.SHOW_TEXT);
                let n;
                while ((n = walker.nextNode()) && !n.data.includes('brown fox')) { }
                const at = n.data.indexOf('brown fox');
                const range = document.createRange();
                range.setStart(n, at);
                range.setEnd(n, at + 'brown fox'.length);
                const sel = window.getSelection();
                sel.removeAllRanges();
                sel.addRange(range);""");
        new org.openqa.selenium.interactions.Actions(observer.driver).keyDown(Keys.CONTROL).keyDown(Keys.ALT).sendKeys("m")
                .keyUp(Keys.ALT).keyUp(Keys.CONTROL).perform();
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> !observer.driver.findElements(By.cssSelector("#comment-body textarea"))
                .isEmpty(), () -> "Ctrl+Alt+M did not open the comment form in the read-only editor");
        assertThat(observer.driver.findElement(By.id("comment-form-quote")).getText()).isEqualTo("brown fox");
        observer.driver.findElement(By.cssSelector("#comment-body textarea")).sendKeys("An observer's remark");
        click(observer, By.id("comment-send"));
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> Boolean.TRUE.equals(chair.js(
                "return [...document.querySelectorAll('#comment-list .tcw-comment-card')].some(c => c.textContent.includes(\"An observer's remark\"))")),
                () -> "the chair does not see the observer's comment");
    }
}
