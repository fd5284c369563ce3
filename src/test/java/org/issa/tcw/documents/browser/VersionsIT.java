package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Versions in real Chromium (docs/adr/026): the chair names a version, types, compares the version
 * with now (the diff editor shows the typed words as added, the live text is untouched), then
 * restores the version while a member types: both replicas converge, and every key the member
 * typed after the restore reached the server is there (keys that reached it before are replaced by
 * the restore and kept in the version made just before it).
 */
class VersionsIT {

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
        CoEditingIT.eventually(Duration.ofSeconds(30), condition, describe);
    }

    static void click(EditorPage page, String selector) {
        eventually(() -> Boolean.TRUE.equals(page.js("""
                const b = document.querySelector(arguments[0]);
                if (!b) return false;
                b.scrollIntoView({block: 'center'});
                b.click();
                return true;""", selector)), () -> page.user + ": no " + selector);
    }

    /** Names a version in the History panel and waits until it is listed. */
    static void keepVersion(EditorPage page, String name) {
        page.js("""
                const f = document.querySelector('#version-name');
                f.value = arguments[0];
                f.dispatchEvent(new Event('change', {bubbles: true}));""", name);
        click(page, "#version-save");
        eventually(() -> String.valueOf(page.js("return document.querySelector('#version-list').textContent"))
                .contains(name), () -> "no version listed");
    }

    @Test
    void two_people_type_and_the_comparison_colours_each_ones_words_with_a_legend_of_names() {
        long doc = RunningApp.newDocument("Authors " + System.nanoTime());
        EditorPage chair = open("chair-ict", doc);
        chair.caretAtEndOf(0);
        chair.type("Start.", 0);
        chair.idle();
        keepVersion(chair, "Base");
        EditorPage member = open("member-ict", doc);
        eventually(() -> member.text().equals(chair.text()), member::text);
        member.caretAtEndOf(0);
        member.type(" Member words.", 0);
        member.idle();
        eventually(() -> chair.text().endsWith("Member words."), chair::text);
        chair.caretAtEndOf(0);
        chair.type(" Chair words.", 0);
        chair.idle();

        compareWithNow(chair);
        // the added runs grouped by the legend's name of their author
        java.util.Map<String, Object> byName = textByAuthor(chair, "[data-ychange=added][data-author]");
        String chairName = String.valueOf(chair.js("return document.querySelector('tcw-editor').userName"));
        String memberName = String.valueOf(member.js("return document.querySelector('tcw-editor').userName"));
        assertThat(byName).containsOnlyKeys(chairName, memberName);
        assertThat(String.valueOf(byName.get(memberName))).contains("Member words.").doesNotContain("Chair");
        assertThat(String.valueOf(byName.get(chairName))).contains("Chair words.").doesNotContain("Member");
        // each author in their own colour
        assertThat(chair.js("""
                const styles = new Set([...document.querySelectorAll('tcw-version-diff [data-ychange=added][data-author]')]
                  .map(r => r.getAttribute('data-author') + ' ' + r.style.backgroundColor));
                return styles.size;""")).isEqualTo(2L);
    }

    @Test
    void words_one_person_deletes_from_anothers_text_show_the_deleters_name_in_the_comparison() {
        long doc = RunningApp.newDocument("Deleters " + System.nanoTime());
        EditorPage chair = open("chair-ict", doc);
        chair.caretAtEndOf(0);
        chair.type("Keep these needless words here.", 0);
        chair.idle();
        keepVersion(chair, "Base");
        EditorPage member = open("member-ict", doc);
        eventually(() -> member.text().equals(chair.text()), member::text);
        // the member selects "needless " (the chair's words) and deletes it with Backspace
        member.js("""
                const ed = document.querySelector('tcw-editor').editor;
                let at = -1;
                ed.state.doc.descendants((n, pos) => { if (at < 0 && n.isText && n.text.includes('needless ')) at = pos + n.text.indexOf('needless '); });
                ed.commands.focus();
                ed.commands.setTextSelection({from: at, to: at + 'needless '.length});""");
        member.press(Keys.BACK_SPACE);
        member.idle();
        eventually(() -> chair.text().contains("these words"), chair::text);

        compareWithNow(chair);
        java.util.Map<String, Object> byName = textByAuthor(chair, "[data-ychange=removed]");
        String memberName = String.valueOf(member.js("return document.querySelector('tcw-editor').userName"));
        assertThat(byName).containsOnlyKeys(memberName);
        assertThat(String.valueOf(byName.get(memberName))).isEqualTo("needless ");
        // struck through in the deleter's colour, and no "not recorded" entry: everything is attributed
        assertThat(String.valueOf(chair.js("return document.querySelector('tcw-version-diff [data-ychange=removed]').style.textDecorationColor")))
                .isNotBlank();
        assertThat(chair.js("return document.querySelector('tcw-version-diff .tcw-version-author[data-author=unrecorded]')"))
                .isNull();
    }

    @Test
    void name_type_compare_and_restore_while_another_person_types() throws Exception {
        long doc = RunningApp.newDocument("Versions " + System.nanoTime());
        EditorPage chair = open("chair-ict", doc);
        chair.caretAtEndOf(0);
        chair.type("Alpha beta.", 0);
        chair.idle();

        // name a version
        chair.js("""
                const f = document.querySelector('#version-name');
                f.value = 'First draft';
                f.dispatchEvent(new Event('change', {bubbles: true}));""");
        click(chair, "#version-save");
        eventually(() -> String.valueOf(chair.js("return document.querySelector('#version-list').textContent"))
                .contains("First draft"), () -> "no version listed");

        // type, then compare the version with now: the typed words are shown as added
        chair.caretAtEndOf(0);
        chair.type(" Gamma delta.", 0);
        chair.idle();
        String live = chair.text();
        compareWithNow(chair);
        String added = (String) chair.js("return [...document.querySelectorAll("
                + "'tcw-version-diff [data-ychange=added]')].map(e => e.textContent).join('')");
        assertThat(added).contains("Gamma delta.");
        assertThat((String) chair.js("return document.querySelector('tcw-version-diff').textContent"))
                .contains("Alpha beta.");
        // the text summary follows from the server
        eventually(() -> String.valueOf(chair.js("return document.querySelector('#version-summary').textContent"))
                .startsWith("+2 words, −0 words"), () -> "summary: " + chair.js(
                        "return document.querySelector('#version-summary').textContent"));
        click(chair, "#version-diff-close");
        assertThat(chair.text()).isEqualTo(live);

        // restore while a member types at the end of the paragraph
        EditorPage member = open("member-ict", doc);
        member.js("window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));"
                + "window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));");
        eventually(() -> member.text().equals(live), member::text);
        member.caretAtEndOf(0);
        CompletableFuture<Void> typing = CompletableFuture.runAsync(() -> member.type(" more words", 120));
        EditorPage.pause(400);
        click(chair, "#version-list [id^='version-restore-']");
        click(chair, "#version-restore-ok");
        typing.get();
        // what the member types once the restore has reached them
        eventually(() -> !member.text().contains("Gamma"), member::text);
        member.type(" final", 30);
        eventually(() -> chair.text().equals(member.text()) && member.text().contains("final"),
                () -> "chair: " + chair.text() + " (" + chair.status() + ") / member: " + member.text() + " ("
                        + member.status() + ", pending " + member.pending() + ", errors " + member.js(
                                "return window.__errors") + ", stats " + member.stats() + ")");
        String text = member.text();
        assertThat(text).startsWith("Alpha beta.").doesNotContain("Gamma").endsWith(" final");
        // keys that reached the server before the restore are replaced by it (they are in the version
        // kept before it); every key after that is there, in order
        String typed = text.substring("Alpha beta.".length());
        assertThat(" more words final").endsWith(typed);
        // the state before the restore is kept as a version
        eventually(() -> String.valueOf(chair.js("return document.querySelector('#version-list').textContent"))
                .contains("Before restoring"), () -> "no version kept before the restore");
    }

    private static void compareWithNow(EditorPage page) {
        click(page, "[id^='version-compare-now-']");
        eventually(() -> page.js("return document.querySelector('tcw-version-diff[data-rendered-ms]')") != null,
                () -> "diff not rendered");
    }

    /** The comparison's changed runs matching {@code runs}, their text joined by the legend's name of their author. */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> textByAuthor(EditorPage page, String runs) {
        return (java.util.Map<String, Object>) page.js("""
                const names = {};
                for (const a of document.querySelectorAll('tcw-version-diff .tcw-version-author')) {
                  names[a.getAttribute('data-author')] = a.textContent;
                }
                const out = {};
                for (const r of document.querySelectorAll('tcw-version-diff ' + arguments[0])) {
                  const n = names[r.getAttribute('data-author')] || '?';
                  out[n] = (out[n] || '') + r.textContent;
                }
                return out;""", runs);
    }
}
