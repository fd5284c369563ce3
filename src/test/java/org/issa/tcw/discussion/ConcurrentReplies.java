package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Several people reply to one thread at the same moment, each from their own thread and
 * transaction, as replies arrive on a busy thread (ADR 113): every reply is stored once, the
 * posts are numbered 1, 2, 3, … without gaps or duplicates, the thread's counters agree, and the
 * thread's starter (who watches it) gets one notification per reply, none lost. Run on the
 * embedded database ({@link ReplyLockTest}) and on PostgreSQL ({@code PostgresqlTest}).
 */
@Component
public class ConcurrentReplies {

    private final DiscussionFixture fixture;
    private final JdbcTemplate jdbc;

    ConcurrentReplies(DiscussionFixture fixture, JdbcTemplate jdbc) {
        this.fixture = fixture;
        this.jdbc = jdbc;
    }

    /** {@code people} reply {@code each} times at once to a new thread of chair-ict, then everything is checked. */
    public void checkNumbering(List<String> people, int each) throws Exception {
        long thread = fixture.thread("chair-ict", "ICT", "Replies at once " + System.nanoTime());
        int total = people.size() * each;
        var start = new CountDownLatch(1);
        List<Long> returned = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(people.size())) {
            List<Future<List<Long>>> replies = new ArrayList<>();
            for (String person : people) {
                replies.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        seqs.add(fixture.reply(person, thread, "Reply " + i + " of " + person + " at once").seq());
                    }
                    return seqs;
                }));
            }
            start.countDown();
            for (Future<List<Long>> r : replies) {
                returned.addAll(r.get(180, TimeUnit.SECONDS));
            }
        }
        List<Long> expected = LongStream.rangeClosed(2, total + 1).boxed().toList();
        assertThat(returned).as("numbers the replies got").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.queryForList("select seq from discussion_post where thread_id = ? order by seq", Long.class,
                thread)).as("stored posts").isEqualTo(LongStream.rangeClosed(1, total + 1).boxed().toList());
        assertThat(jdbc.queryForMap("select last_seq, reply_count from discussion_thread where id = ?", thread)
                .values()).map(v -> ((Number) v).longValue()).containsExactly((long) total + 1, (long) total);
        long chair = jdbc.queryForObject("select id from person where username = 'chair-ict'", Long.class);
        List<String> links = jdbc.queryForList(
                "select link from notification where person_id = ? and link like ?", String.class, chair,
                "discussions/" + thread + "?post=%");
        assertThat(links).as("the starter's notifications, one per reply")
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(s -> "discussions/" + thread + "?post=" + s)
                        .toList());
    }
}
