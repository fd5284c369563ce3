package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.discussion.PostCreated;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail benchmarks (not part of the normal build: the name does not end in "Test"; run
 * {@code bench/mail/run.sh}). (1) Outbox throughput: {@code bench.mails} (default 500) queued
 * e-mails delivered by one sender to GreenMail on this machine. (2) What the outbox adds to the
 * commit of a post that mentions all 150 members of a commission: the mail listener's work inside
 * the post's transaction (one read of the post, one batched insert of 150+ rows), timed alone in
 * that transaction, next to the whole reply call. Results in {@code target/benchmarks-mail.txt}.
 */
@SpringTest
class MailBench {

    static final int MAILS = Integer.getInteger("bench.mails", 500);
    static final int MEMBERS = 150;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 15);

    @RegisterExtension
    static GreenMailExtension greenMail = MailTestSupport.greenMail();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxSender sender;
    @Autowired
    MailItems items;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SignIn signIn;

    private final List<String> report = new ArrayList<>();

    @BeforeEach
    void clean() {
        MailTestSupport.clean(jdbc);
    }

    @Test
    void outbox_throughput_and_the_cost_of_mentioning_150_members() throws Exception {
        throughput();
        mentions();
        Files.write(Path.of("target/benchmarks-mail.txt"), report);
        report.forEach(System.out::println);
    }

    private void throughput() {
        Instant now = Instant.now();
        long chair = MailTestSupport.person(jdbc, "chair-ict");
        String html = "<p>" + "Some text of a post. ".repeat(40) + "</p>";
        for (int i = 0; i < MAILS; i++) {
            jdbc.sql("""
                    insert into mail_outbox (message_id, person_id, recipient, kind, subject, body_text, body_html,
                        status, attempts, next_attempt_at, created_at)
                    values (:m, :p, :to, 'MENTION', :s, :t, :h, 'QUEUED', 0, :now, :now)""")
                    .param("m", "<bench-" + i + "-" + System.nanoTime() + "@tcw.test>").param("p", chair)
                    .param("to", "bench" + (i % 50) + "@tcw.test").param("s", "Benchmark " + i)
                    .param("t", "Some text of a post. ".repeat(40)).param("h", html).param("now", OutboxSender.at(now))
                    .update();
        }
        long t0 = System.nanoTime();
        int sent = sender.sendDue(now.plusSeconds(1));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(sent).isEqualTo(MAILS);
        assertThat(greenMail.getReceivedMessages()).hasSize(MAILS);
        report.add(String.format("outbox throughput: %d e-mails to GreenMail in %.2f s = %.0f e-mails/s (one sender,"
                + " claims of %d)", MAILS, seconds, MAILS / seconds, 50));
    }

    private void mentions() {
        long ict = fixture.commissionId("ICT");
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String u = "bench-member-" + i;
            usernames.add(u);
            if (jdbc.sql("select count(*) from person where username = :u").param("u", u).query(Integer.class)
                    .single() == 0) {
                jdbc.sql("insert into person (username, email, first_name, last_name) values (:u, :e, 'Bench', :l)")
                        .param("u", u).param("e", u + "@tcw.test").param("l", "Member " + i).update();
                long id = MailTestSupport.person(jdbc, u);
                jdbc.sql("""
                        insert into membership (commission_id, person_id, role, status, start_date)
                        values (:c, :p, 'MEMBER', 'ACTIVE', :d)""").param("c", ict).param("p", id)
                        .param("d", LocalDate.of(2026, 1, 1)).update();
            }
        }
        String body = "Dear all: " + String.join(" ", usernames.stream().map(u -> "@" + u).toList());
        long thread = fixture.thread("chair-ict", "ICT", "Everyone " + System.nanoTime());
        List<Long> whole = new ArrayList<>();
        List<Long> listener = new ArrayList<>();
        Set<Long> mentioned = new HashSet<>();
        for (String u : usernames) {
            mentioned.add(MailTestSupport.person(jdbc, u));
        }
        long author = MailTestSupport.person(jdbc, "chair-ict");
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            var post = fixture.reply("chair-ict", thread, body + " (" + round + ")");
            whole.add(System.nanoTime() - t0);
            int rows = jdbc.sql("select count(*) from mail_item where group_key = :g and kind = 'MENTION' "
                    + "and link = :l").param("g", "thread:" + thread).param("l", "discussions/" + thread + "?post="
                    + post.seq()).query(Integer.class).single();
            assertThat(rows).as("one mail item per mentioned member").isEqualTo(MEMBERS);
            // the same work the listener did in that post's transaction, alone, rolled back
            var event = new PostCreated(post.id(), thread, ict, post.seq(), author, "Chair", "Everyone", Set.of(),
                    mentioned);
            tx.executeWithoutResult(status -> {
                long t1 = System.nanoTime();
                items.on(event);
                listener.add(System.nanoTime() - t1);
                status.setRollbackOnly();
            });
        }
        report.add(String.format("post mentioning %d members: whole reply call median %.1f ms; outbox work in its"
                + " transaction median %.1f ms (max %.1f ms), %d rounds", MEMBERS, median(whole), median(listener),
                Collections.max(listener) / 1e6, ROUNDS));
    }

    private static double median(List<Long> nanos) {
        var sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
