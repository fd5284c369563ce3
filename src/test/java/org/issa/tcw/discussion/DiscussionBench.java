package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kotlin.jvm.functions.Function0;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarks of issue 6 (not part of the normal build: its name does not end in "Test"; run it with
 * {@code bench/discussion/run.sh}): opening a 5,000-post thread (server time of the whole
 * navigation, i.e. service calls and building the page), and delivering a new post to 200 open
 * thread pages (time from the reply call until the last page shows the post). Results are written
 * to {@code target/benchmarks-discussion.txt}.
 */
class DiscussionBench extends KaribuTest {

    static final int POSTS = 5000;
    static final int UIS = 200;

    @Autowired
    DiscussionFixture fixture;
    @Autowired
    DiscussionService discussions;
    @Autowired
    ReadingService reading;
    @Autowired
    JdbcTemplate jdbc;

    private final List<String> report = new ArrayList<>();

    @Test
    void open_a_5000_post_thread_and_deliver_a_post_to_200_open_pages() throws Exception {
        long thread = fixture.thread("chair-ict", "ICT", "Benchmark thread", "Post 1", null);
        fill(thread);

        signInAs("observer-ict");
        if (Boolean.getBoolean("bench.delivery-only")) {
            measureDelivery(thread);
            save();
            return;
        }
        measureOpen("first visit (opens at post 1)", thread, null);
        fixture.as("observer-ict");
        reading.markRead(thread, POSTS - 10);
        measureOpen("returning reader (jumps to post " + (POSTS - 9) + ")", thread, null);
        measureOpen("link to post 2500", thread, 2500L);

        save();
        measureDelivery(thread);
        save();
        report.forEach(System.out::println);
    }

    private void save() throws java.io.IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/benchmarks-discussion.txt"), report);
    }

    private void fill(long thread) {
        long author = jdbc.queryForObject("select id from person where username = 'member-ict'", Long.class);
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int seq = 2; seq <= POSTS; seq++) {
            String body = "Post " + seq + ": **progress** on item " + seq + " — see https://www.issa.int";
            rows.add(new Object[] {thread, seq, author, body, PostMarkdown.render(body), now});
        }
        jdbc.batchUpdate("insert into discussion_post (thread_id, seq, author_id, body, html, created_at, deleted, "
                + "version) values (?, ?, ?, ?, ?, ?, false, 0)", rows);
        jdbc.update("update discussion_thread set last_seq = ?, reply_count = ? where id = ?", POSTS, POSTS - 1,
                thread);
    }

    private void measureOpen(String what, long thread, Long post) {
        String location = "discussions/" + thread;
        var query = post == null ? com.vaadin.flow.router.QueryParameters.empty()
                : com.vaadin.flow.router.QueryParameters.of("post", Long.toString(post));
        for (int i = 0; i < 3; i++) {
            navigate("notifications");
            UI.getCurrent().navigate(location, query);
        }
        long[] millis = new long[15];
        for (int i = 0; i < millis.length; i++) {
            navigate("notifications");
            long start = System.nanoTime();
            UI.getCurrent().navigate(location, query);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("posts"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withClasses("tcw-post"))).isNotEmpty();
        Arrays.sort(millis);
        report.add(String.format(Locale.ROOT, "open %d-post thread, %s: median %d ms, p90 %d ms, max %d ms", POSTS,
                what, millis[millis.length / 2], millis[(int) (millis.length * 0.9)], millis[millis.length - 1]));
    }

    private void measureDelivery(long thread) throws Exception {
        VaadinSession session = VaadinSession.getCurrent();
        List<UI> uis = new ArrayList<>();
        Function0<UI> factory = UI::new;
        for (int i = 0; i < UIS; i++) {
            MockVaadin.INSTANCE.createUI$karibu_testing_v10(factory, session);
            UI ui = UI.getCurrent();
            // Karibu replaces the session's UI (one tab); keep every one registered, as open tabs are.
            if (session.getUIById(ui.getUIId()) == null) {
                session.addUI(ui);
            }
            ui.setLocale(Locale.ENGLISH);
            ui.navigate("discussions/" + thread,
                    com.vaadin.flow.router.QueryParameters.of("post", Long.toString(POSTS - 5)));
            uis.add(ui);
        }
        // Karibu keeps one UI per session (a page reload); register every page again, as open tabs are.
        for (UI ui : uis) {
            if (session.getUIById(ui.getUIId()) == null) {
                session.addUI(ui);
            }
        }
        String id = "post-" + (POSTS + 1);
        // The test thread holds the session lock (as Karibu does); the broadcaster's threads queue
        // their UI.access tasks and this thread runs them, as a request would when the lock frees.
        for (int round = 0; round < 3; round++) {
            String target = "post-" + (POSTS + 1 + round);
            long start = System.nanoTime();
            Thread writer = new Thread(() -> fixture.reply("member-ict", thread, "Live post " + target));
            writer.start();
            writer.join();
            long committed = System.nanoTime();
            long giveUp = start + 60_000_000_000L;
            while (!uis.stream().allMatch(ui -> find(ui.getElement(), target))) {
                if (System.nanoTime() > giveUp) {
                    long have = uis.stream().filter(ui -> find(ui.getElement(), target)).count();
                    long closed = uis.stream().filter(UI::isClosing).count();
                    long attached = uis.stream().filter(ui -> ui.getSession() != null).count();
                    throw new AssertionError("after a minute " + have + " of " + uis.size() + " pages have " + target
                            + "; session UIs " + session.getUIs().size() + ", closing " + closed + ", with session "
                            + attached);
                }
                MockVaadin.runUIQueue();
                Thread.sleep(1);
            }
            long done = System.nanoTime();
            report.add(String.format(Locale.ROOT,
                    "deliver a new post to %d open thread pages (round %d): last page has it %d ms after the "
                            + "reply was sent (the reply call itself: %d ms)",
                    UIS, round + 1, (done - start) / 1_000_000, (committed - start) / 1_000_000));
        }
        assertThat(uis).allMatch(ui -> find(ui.getElement(), id));
    }

    private static boolean find(Element element, String id) {
        if (id.equals(element.getAttribute("id"))) {
            return true;
        }
        return element.getChildren().anyMatch(c -> !c.isTextNode() && find(c, id));
    }

    private static int count(Element element, String className) {
        int own = element.getClassList().contains(className) ? 1 : 0;
        return own + element.getChildren().filter(c -> !c.isTextNode()).mapToInt(c -> count(c, className)).sum();
    }
}
