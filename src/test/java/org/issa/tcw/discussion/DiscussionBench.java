package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.UidlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import kotlin.jvm.functions.Function0;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmarks of issue 6 (not part of the normal build: its name does not end in "Test"; run it with
 * {@code bench/discussion/run.sh}): opening a 5,000-post thread (server time of the whole
 * navigation, i.e. service calls and building the page), and delivering a new post to 200 open
 * thread pages, each in its own Vaadin session (time from the reply service call returning, after
 * commit, until the last page has the post in its component tree). Results are written to
 * {@code target/benchmarks-discussion.txt}. System properties: {@code bench.delivery-only=true}
 * skips the opening part, {@code bench.uis} changes the number of open pages (default 200),
 * {@code bench.give-up-ms} how long a delivery round may take before the benchmark fails.
 */
class DiscussionBench extends KaribuTest {

    static final int POSTS = 5000;
    static final int UIS = Integer.getInteger("bench.uis", 200);

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
            rows.add(new Object[] {seq, author, body, PostMarkdown.render(body), now, thread});
        }
        jdbc.batchUpdate("insert into discussion_post (thread_id, commission_id, seq, author_id, body, html, created_at, "
                + "deleted, version) select t.id, t.commission_id, ?, ?, ?, ?, ?, false, 0 from discussion_thread t "
                + "where t.id = ?", rows);
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

    /**
     * Delivery to {@value #UIS} open thread pages, each in its OWN Vaadin session (as 200 people
     * with their own browser would be): a helper thread creates each session and UI with Karibu on
     * the benchmark's servlet, signs the page in as {@code observer-ict}, opens the thread (the view
     * subscribes to the production broadcaster in {@code onAttach}), then releases the session lock,
     * as a finished request does. Nothing holds the locks afterwards, so the broadcaster's threads
     * run each page's {@code UI.access} task themselves (lock, run, unlock, push), exactly as in
     * production. Each UI gets a push connection that, when Vaadin pushes (at the session unlock
     * after the access task), notes the first moment its component tree contains the new post and
     * then builds the push message (UIDL) as Vaadin's Atmosphere connection does (the message is not
     * sent anywhere). Measured: from the reply service call returning (after commit) until the last
     * of the pages has the post in its component tree (and until its push message is built).
     */
    private void measureDelivery(long thread) throws Exception {
        navigate("notifications"); // the benchmark's own UI leaves the thread
        VaadinServlet servlet = ((VaadinServletService) VaadinService.getCurrent()).getServlet();
        Authentication reader = SecurityContextHolder.getContext().getAuthentication();
        List<Page> pages = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long openStart = System.nanoTime();
        Thread opener = new Thread(() -> {
            try {
                SecurityContextHolder.getContext().setAuthentication(reader);
                Function0<UI> factory = UI::new;
                for (int i = 0; i < UIS; i++) {
                    MockVaadin.setup(factory, servlet);
                    UI ui = UI.getCurrent();
                    VaadinSession session = ui.getSession();
                    ui.setLocale(Locale.ENGLISH);
                    ui.navigate("discussions/" + thread,
                            com.vaadin.flow.router.QueryParameters.of("post", Long.toString(POSTS - 5)));
                    MockVaadin.clientRoundtrip(false);
                    Page page = new Page(ui, session);
                    ui.getInternals().setPushConnection(page);
                    pages.add(page);
                    session.unlock();
                }
                VaadinSession.setCurrent(null);
                UI.setCurrent(null);
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        opener.start();
        opener.join();
        if (failure.get() != null) {
            throw new AssertionError("opening the pages failed", failure.get());
        }
        long sessions = pages.stream().map(p -> p.session).distinct().count();
        report.add(String.format(Locale.ROOT, "delivery: %d thread pages open in %d separate sessions (opened in %d s)",
                pages.size(), sessions, (System.nanoTime() - openStart) / 1_000_000_000));
        assertThat(sessions).isEqualTo(UIS);

        String[] authors = {"member-ict", "chair-ict"};
        int warmUp = 2;
        int rounds = 10;
        List<Long> lastTree = new ArrayList<>();
        List<Long> lastPush = new ArrayList<>();
        for (int round = 0; round < warmUp + rounds; round++) {
            String target = "post-" + (POSTS + 1 + round);
            pages.forEach(p -> p.expect(target));
            String author = authors[round % authors.length];
            long[] times = new long[2];
            Thread writer = new Thread(() -> {
                times[0] = System.nanoTime();
                fixture.reply(author, thread, "Live post " + target);
                times[1] = System.nanoTime();
            });
            writer.start();
            writer.join();
            long sent = times[0];
            long returned = times[1];
            long giveUp = returned + Long.getLong("bench.give-up-ms", 60_000L) * 1_000_000L;
            while (pages.stream().anyMatch(p -> p.pushed == 0)) {
                if (System.nanoTime() > giveUp) {
                    long have = pages.stream().filter(p -> p.pushed != 0).count();
                    long pushes = pages.stream().filter(p -> p.pushes.get() > 0).count();
                    long locked = pages.stream().filter(p -> p.session.getLockInstance() instanceof java.util.concurrent.locks.ReentrantLock l && l.isLocked()).count();
                    long shows = pages.stream().filter(p -> find(p.ui, "post-" + POSTS)).count();
                    long hasTarget = pages.stream().filter(p -> find(p.ui, target)).count();
                    long queued = pages.stream().filter(p -> !p.session.getPendingAccessQueue().isEmpty()).count();
                    throw new AssertionError("after a minute " + have + " of " + pages.size() + " pages have " + target
                            + "; pushed at all " + pushes + ", locked " + locked + ", show post-" + POSTS + " " + shows
                            + ", tree has target " + hasTarget + ", with queued tasks " + queued);
                }
                Thread.sleep(1);
            }
            long tree = pages.stream().mapToLong(p -> p.inTree).max().orElseThrow();
            long push = pages.stream().mapToLong(p -> p.pushed).max().orElseThrow();
            long first = pages.stream().mapToLong(p -> p.inTree).min().orElseThrow();
            // Every page really shows it, checked under its own session lock.
            for (Page p : pages) {
                p.session.lock();
                try {
                    assertThat(find(p.ui, target)).as("page has " + target).isTrue();
                } finally {
                    p.session.unlock();
                }
            }
            String line = String.format(Locale.ROOT,
                    "deliver a post to %d open pages, round %d%s: last page has it %d ms after the reply call "
                            + "returned (push message built: %d ms; first page: %d ms); reply call %d ms; "
                            + "from the reply call's start to the last page %d ms",
                    UIS, round + 1, round < warmUp ? " (warm-up)" : "", ms(tree - returned), ms(push - returned),
                    ms(first - returned), ms(returned - sent), ms(tree - sent));
            report.add(line);
            System.out.println(line);
            if (round >= warmUp) {
                lastTree.add(ms(tree - returned));
                lastPush.add(ms(push - returned));
            }
            save();
        }
        report.add(String.format(Locale.ROOT,
                "deliver a post to %d open pages (%d rounds): last page has it, median %d ms, p90 %d ms, max %d ms "
                        + "after the reply call returned; push message built for the last page: median %d ms, "
                        + "p90 %d ms",
                UIS, rounds, percentile(lastTree, 0.5), percentile(lastTree, 0.9), percentile(lastTree, 1.0),
                percentile(lastPush, 0.5), percentile(lastPush, 0.9)));

        // Close the pages (their views leave the broadcaster in onDetach).
        for (Page p : pages) {
            p.session.lock();
            try {
                p.ui.removeAll();
            } finally {
                p.session.unlock();
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /**
     * One open page: its UI, its own session, and a push connection that records when the expected
     * post first reached the component tree and when its push message had been built.
     */
    private static final class Page implements PushConnection {
        final UI ui;
        final VaadinSession session;
        volatile String target = "";
        volatile long inTree;
        volatile long pushed;
        final java.util.concurrent.atomic.AtomicInteger pushes = new java.util.concurrent.atomic.AtomicInteger();

        Page(UI ui, VaadinSession session) {
            this.ui = ui;
            this.session = session;
        }

        void expect(String id) {
            inTree = 0;
            pushed = 0;
            target = id;
        }

        @Override
        public void push() {
            // Called by VaadinSession.unlock with the lock held, on the thread that ran the access task.
            pushes.incrementAndGet();
            if (pushed != 0 || !find(ui, target)) {
                new UidlWriter().createUidl(ui, true);
                return;
            }
            inTree = System.nanoTime();
            new UidlWriter().createUidl(ui, true);
            pushed = System.nanoTime();
        }

        @Override
        public void disconnect() {
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }

    /** Whether the component tree under {@code component} (a UI: its route's layout and view) has {@code id}. */
    private static boolean find(Component component, String id) {
        return id.equals(component.getId().orElse(null)) || component.getChildren().anyMatch(c -> find(c, id));
    }
}
