package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.issa.tcw.testsupport.RunningJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on the embedded default database is killed ({@code kill -9}) while three people
 * type numbered tokens in one document, and started again on the same database; the people sign
 * in again and reopen the document, as they would. Then: every token shown as "Saved" before the
 * kill is there exactly once; every token typed into the dead server is there exactly once; all
 * replicas and a fresh reader are identical; no replica holds pending (invisible) structures.
 * <p>
 * The second case restores an older copy of the database (a restore from backup) under editors
 * that hold more than it: they heal it. {@code bench/documents/crash-recovery.sh} repeats these.
 */
class CrashRecoveryIT {

    private static final Pattern TOKEN = Pattern.compile("\\b([abc]\\d{3})\\b");

    private final List<EditorPage> pages = new ArrayList<>();
    private RunningJar app;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void stop() {
        pages.forEach(EditorPage::close);
        if (app != null) {
            app.close();
        }
    }

    /** The three writers and what each typed. */
    record Writer(EditorPage page, String prefix, int paragraph) {
    }

    @Test
    void kill_9_while_three_people_type_loses_nothing_saved_and_nothing_typed_into_the_dead_server() throws Exception {
        Path folder = folder("crash");
        app = RunningJar.inFolder(folder);
        Session s = new Session();
        s.open();
        s.typeSaved(4);
        s.typeAndKill(1);
        s.typeWhileDead(3);
        app = app.restart();
        s.reopenAndCheck();
    }

    @Test
    void kill_9_on_postgresql_loses_nothing_saved_and_nothing_typed_into_the_dead_server() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            app = RunningJar.inFolder(folder("postgres"), "--spring.profiles.active=postgres,demo",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=");
            Session s = new Session();
            s.open();
            s.typeSaved(3);
            s.typeAndKill(1);
            s.typeWhileDead(2);
            app = app.restart();
            s.reopenAndCheck();
            for (EditorPage p : pages) {
                p.close();
            }
            pages.clear();
            app.close();
            app = null;
        }
    }

    @Test
    void a_database_restored_behind_the_editors_is_healed_by_them() throws Exception {
        Path folder = folder("rollback");
        app = RunningJar.inFolder(folder);
        Session s = new Session();
        s.open();
        s.typeSaved(2);
        // the backup: a copy of the database as it is now (H2 writes its file on a clean stop only
        // when asked, so the copy is taken from a stopped server)
        app.close();
        Path backup = folder.resolve("backup");
        copy(folder.resolve("data"), backup);
        app = app.restart();
        s.reopen();
        s.typeSaved(3);
        app.kill();
        s.seenBeforeKill = s.writers.stream().mapToLong(w -> w.page().lastSeq()).max().orElse(0);
        // restore the older copy: the server has lost everything typed since the backup
        deleteTree(folder.resolve("data"));
        copy(backup, folder.resolve("data"));
        app = app.restart();
        s.reopenAndCheck();
    }

    /** One document, three writers in their own paragraphs, and the tokens they typed. */
    final class Session {
        final List<Writer> writers = new ArrayList<>();
        final Set<String> saved = new LinkedHashSet<>();
        final Set<String> typed = new LinkedHashSet<>();
        long documentId;
        /** The highest sequence number an editor had received when the server died. */
        long seenBeforeKill;
        int next = 1;

        void open() {
            EditorPage chair = page("chair-ict").signIn();
            documentId = firstEditableDocument(chair);
            List<String> users = List.of("chair-ict", "member-ict", "secretariat");
            List<String> prefixes = List.of("a", "b", "c");
            for (int i = 0; i < 3; i++) {
                EditorPage p = i == 0 ? chair : page(users.get(i)).signIn();
                p.open(documentId);
                writers.add(new Writer(p, prefixes.get(i), -1));
            }
            // each writer gets a paragraph of their own at the end, so their tokens never interleave
            for (int i = 0; i < 3; i++) {
                EditorPage p = writers.get(i).page();
                p.js("""
                        const ed = document.querySelector('tcw-editor').editor;
                        ed.commands.insertContentAt(ed.state.doc.content.size,
                            {type: 'paragraph', content: [{type: 'text', text: '[' + arguments[0] + ']'}]});
                        """, prefixes.get(i));
                p.idle();
                CoEditingIT.converge(pagesOf());
            }
        }

        void reopen() {
            for (Writer w : writers) {
                awaitLeftTheDocument(w.page());
                w.page().signIn().open(documentId);
            }
            CoEditingIT.converge(pagesOf());
        }

        /** Types {@code n} tokens per writer, each acknowledged ("Saved") before the next. */
        void typeSaved(int n) {
            for (int k = 0; k < n; k++) {
                for (Writer w : writers) {
                    String token = token(w);
                    type(w, token);
                    CoEditingIT.eventually(Duration.ofSeconds(20), () -> "saved".equals(w.page().status()),
                            w.page()::status);
                    saved.add(token);
                }
            }
        }

        /** Types one more token per writer and kills the server at once (mid-typing). */
        void typeAndKill(int n) {
            for (int k = 0; k < n; k++) {
                for (Writer w : writers) {
                    type(w, token(w));
                }
            }
            app.kill();
            seenBeforeKill = writers.stream().mapToLong(w -> w.page().lastSeq()).max().orElse(0);
        }

        /** Types while nothing answers: the editors keep it and say so. */
        void typeWhileDead(int n) {
            for (int k = 0; k < n; k++) {
                for (Writer w : writers) {
                    type(w, token(w));
                }
            }
            for (Writer w : writers) {
                CoEditingIT.eventually(Duration.ofSeconds(20), () -> "offline".equals(w.page().status()),
                        w.page()::status);
            }
        }

        /** People sign in again and reopen the document; then everything is counted. */
        void reopenAndCheck() {
            // what the server kept: a reader who opens the document before any writer is back
            EditorPage early = page("observer-ict").signIn().open(documentId);
            long kept = early.lastSeq();
            early.close();
            pages.remove(early);
            System.out.printf("crash-recovery server: editors had seen seq %d, the restarted server had %d%n",
                    seenBeforeKill, kept);
            reopen();
            for (Writer w : writers) {
                w.page().idle();
            }
            CoEditingIT.converge(pagesOf());
            EditorPage reader = page("observer-ict").signIn().open(documentId);
            List<EditorPage> all = new ArrayList<>(pagesOf());
            all.add(reader);
            CoEditingIT.converge(all);
            String text = reader.text();
            for (EditorPage p : all) {
                assertThat(p.text()).as(p.user + " sees what a fresh reader sees").isEqualTo(text);
                assertThat(p.pending()).as(p.user + " holds no pending structures").isFalse();
            }
            List<String> found = new ArrayList<>();
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
            List<String> missingSaved = saved.stream().filter(t -> !found.contains(t)).toList();
            List<String> missingTyped = typed.stream().filter(t -> !found.contains(t)).toList();
            List<String> doubled = found.stream().filter(t -> found.indexOf(t) != found.lastIndexOf(t)).distinct()
                    .toList();
            System.out.printf("crash-recovery counts: saved=%d typed=%d found=%d missingSaved=%s missingTyped=%s "
                    + "doubled=%s%n", saved.size(), typed.size(), found.size(), missingSaved, missingTyped, doubled);
            assertThat(missingSaved).as("tokens shown as Saved before the kill").isEmpty();
            assertThat(missingTyped).as("tokens typed, into a live or a dead server").isEmpty();
            assertThat(doubled).as("no token twice").isEmpty();
            assertThat(found).hasSize(typed.size());
        }

        private String token(Writer w) {
            return w.prefix() + String.format("%03d", next++);
        }

        private void type(Writer w, String token) {
            EditorPage p = w.page();
            caretAtEndOfOwnParagraph(p, w.prefix());
            p.type(" " + token, 3);
            typed.add(token);
        }

        private List<EditorPage> pagesOf() {
            return writers.stream().map(Writer::page).toList();
        }
    }

    private EditorPage page(String user) {
        EditorPage p = new EditorPage(user, app.url("/"));
        pages.add(p);
        return p;
    }

    /**
     * After a restart the page finds its session gone and reloads itself (to the sign-in page, or to
     * the browser's error page while the server is still starting). Navigating while that reload is
     * under way can stall chromedriver for minutes, so a test waits until the page has left the
     * document on its own before it signs in again.
     */
    private static void awaitLeftTheDocument(EditorPage p) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(60).toNanos();
        while (p.driver().getCurrentUrl().contains("/documents/")) {
            if (System.nanoTime() > deadline) {
                System.out.printf("crash-recovery: %s's page still shows the document 60 s after the restart%n",
                        p.user);
                return;
            }
            EditorPage.pause(250);
        }
        System.out.printf("crash-recovery: %s's page left the document by itself after %d ms%n", p.user,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Puts the caret at the end of the paragraph that starts with "[prefix]". */
    private static void caretAtEndOfOwnParagraph(EditorPage p, String prefix) {
        p.js("""
                const ed = document.querySelector('tcw-editor').editor;
                const doc = ed.state.doc;
                let pos = 0, end = -1;
                for (let i = 0; i < doc.childCount; i++) {
                  const c = doc.child(i);
                  if (c.textContent.startsWith('[' + arguments[0] + ']')) end = pos + c.nodeSize - 1;
                  pos += c.nodeSize;
                }
                if (end < 0) throw new Error('no paragraph of ' + arguments[0]);
                ed.commands.focus();
                ed.commands.setTextSelection(end);
                """, prefix);
    }

    /** The first demo document the chair may edit (ids are stable on a fresh database). */
    private static long firstEditableDocument(EditorPage chair) {
        for (long id = 1; id <= 10; id++) {
            chair.open(id);
            if (Boolean.TRUE.equals(chair.js("return document.querySelector('tcw-editor').editable"))) {
                return id;
            }
        }
        throw new IllegalStateException("no editable demo document");
    }

    private static Path folder(String name) throws IOException {
        Path folder = Path.of("target", "crash-it", name + "-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(folder);
        return folder;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
