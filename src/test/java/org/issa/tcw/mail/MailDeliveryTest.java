package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;

/**
 * The e-mail pipeline end to end against a real SMTP server (GreenMail): a post's mail items are
 * composed in the recipient's language, batched per thread, sent once with their Message-ID and
 * unsubscribe headers; the outbox survives an SMTP outage and two senders never send a row twice.
 */
@SpringTest
class MailDeliveryTest extends MailTest {

    @Autowired
    JavaMailSender mail;
    @Autowired
    Environment env;
    @Autowired
    MailAdminService admin;

    @Test
    void a_mention_is_mailed_in_the_recipients_language_with_a_link_to_the_post_and_unsubscribe_headers()
            throws Exception {
        long chair = person("chair-ict");
        speaks(chair, "fr");
        long thread = fixture.thread("member-ict", "ICT", "Budget 2027 " + System.nanoTime());
        var post = fixture.reply("member-ict", thread, "@chair-ict please check the **budget** <script>x</script>");

        assertThat(composer.composeImmediate(Instant.now())).as("nothing before the delay").isZero();
        assertThat(composer.composeImmediate(MailTestSupport.afterDelay())).isGreaterThanOrEqualTo(1);
        sender.sendDue(MailTestSupport.afterDelay());

        MimeMessage m = only(mailsTo(chair), email(chair));
        assertThat(m.getSubject()).contains("vous a mentionné dans « Budget 2027");
        String text = MailTestSupport.text(m);
        String html = MailTestSupport.html(m);
        assertThat(text).contains("Bonjour").contains("please check the budget")
                .contains("http://localhost:8080/discussions/" + thread + "?post=" + post.seq())
                .contains("Vous recevez ceci parce que quelqu'un vous a mentionné");
        assertThat(html).doesNotContain("<script>").contains("discussions/" + thread + "?post=" + post.seq())
                .contains("lang=\"fr\"");
        // one real e-mail for the docs and the review (target/ only)
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/mail-sample.txt"),
                "Subject: " + m.getSubject() + "\n\n" + text);
        String unsubscribe = m.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).startsWith("<http://localhost:8080/mail/unsubscribe?p=" + chair + "&k=MENTION&s=");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String messageId = jdbc.sql("select message_id from mail_outbox where person_id = :p and status = 'SENT' "
                + "order by id desc fetch first 1 rows only").param("p", chair).query(String.class).single();
        assertThat(m.getMessageID()).isEqualTo(messageId);
    }

    @Test
    void replies_within_the_delay_become_one_email_per_thread() throws Exception {
        long chair = person("chair-ict");
        long thread = fixture.thread("chair-ict", "ICT", "Batching " + System.nanoTime());
        for (int i = 1; i <= 3; i++) {
            fixture.reply("member-ict", thread, "Reply number " + i);
        }
        composeAndSend();

        MimeMessage m = only(mailsTo(chair), email(chair));
        assertThat(m.getSubject()).isEqualTo("3 updates in «" + jdbc.sql("select title from discussion_thread where id = :t")
                .param("t", thread).query(String.class).single() + "»");
        assertThat(MailTestSupport.text(m)).contains("Reply number 1").contains("Reply number 2")
                .contains("Reply number 3").contains("replied to you");
    }

    @Test
    void the_outbox_keeps_every_email_while_smtp_is_down_and_sends_each_once_when_it_is_back() throws Exception {
        long chair = person("chair-ict");
        long thread = fixture.thread("chair-ict", "ICT", "Outage " + System.nanoTime());
        fixture.reply("member-ict", thread, "While the server is down");
        Instant t0 = MailTestSupport.afterDelay();
        composer.composeImmediate(t0);
        greenMail.stop();

        assertThat(sender.sendDue(t0)).isZero();
        var row = jdbc.sql("select status, attempts, next_attempt_at from mail_outbox where person_id = :p "
                + "and status <> 'SENT'").param("p", chair)
                .query((rs, i) -> rs.getString(1) + "/" + rs.getInt(2) + "/"
                        + rs.getObject(3, java.time.OffsetDateTime.class).toInstant().isAfter(t0))
                .single();
        assertThat(row).isEqualTo("QUEUED/1/true");
        assertThat(sender.sendDue(t0.plusSeconds(40))).as("second attempt, still down").isZero();
        assertThat(admin_pending_error(chair)).isNotBlank();

        greenMail.start();
        assertThat(sender.sendDue(t0.plusSeconds(41))).as("back-off not over yet").isZero();
        assertThat(sender.sendDue(t0.plus(Duration.ofMinutes(2)))).isEqualTo(1);
        assertThat(sender.sendDue(t0.plus(Duration.ofHours(2)))).as("nothing twice").isZero();
        assertThat(mailsTo(chair)).hasSize(1);
    }

    @Test
    void an_email_that_keeps_failing_is_marked_failed_and_only_staff_put_it_back() throws Exception {
        long chair = person("chair-ict");
        long thread = fixture.thread("chair-ict", "ICT", "Failing " + System.nanoTime());
        fixture.reply("member-ict", thread, "This one fails");
        composer.composeImmediate(MailTestSupport.afterDelay());
        greenMail.stop();
        var once = new OutboxSender(jdbc, tx, mail, config(50, 1), Clock.systemUTC());
        once.sendDue(MailTestSupport.afterDelay());
        long id = jdbc.sql("select id from mail_outbox where person_id = :p and status = 'FAILED'").param("p", chair)
                .query(Long.class).single();

        fixture.as("member-ict");
        assertThatThrownBy(() -> admin.retry(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.pending(10)).isInstanceOf(AccessDeniedException.class);
        fixture.as("secretariat");
        assertThat(admin.pending(100)).anySatisfy(r -> assertThat(r.id()).isEqualTo(id));
        admin.retry(id);
        signIn.out();

        greenMail.start();
        assertThat(sender.sendDue(MailTestSupport.afterDelay())).isEqualTo(1);
        assertThat(mailsTo(chair)).hasSize(1);
    }

    @Test
    void two_senders_at_once_send_every_row_exactly_once() throws Exception {
        int n = 60;
        long chair = person("chair-ict");
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            jdbc.sql("""
                    insert into mail_outbox (message_id, person_id, recipient, kind, subject, body_text, body_html,
                        status, attempts, next_attempt_at, created_at)
                    values (:m, :p, :to, 'MENTION', :s, 'text', '<p>html</p>', 'QUEUED', 0, :now, :now)""")
                    .param("m", "<concurrent-" + i + "-" + System.nanoTime() + "@tcw.test>").param("p", chair)
                    .param("to", "concurrent@tcw.test").param("s", "Concurrent " + i)
                    .param("now", OutboxSender.at(now)).update();
        }
        var a = new OutboxSender(jdbc, tx, mail, config(5, 20), Clock.systemUTC());
        var b = new OutboxSender(jdbc, tx, mail, config(5, 20), Clock.systemUTC());
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Callable<Integer>> both = List.of(() -> a.sendDue(now.plusSeconds(1)), () -> b.sendDue(now.plusSeconds(1)));
            int total = 0;
            List<Integer> each = new ArrayList<>();
            for (var f : pool.invokeAll(both)) {
                each.add(f.get());
                total += f.get();
            }
            assertThat(total).isEqualTo(n);
        }
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain("concurrent@tcw.test");
        assertThat(received).hasSize(n);
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).hasSize(n);
    }

    @Test
    void a_person_without_a_valid_address_is_skipped_and_visible() {
        long member = person("member-ict");
        String email = email(member);
        jdbc.sql("update person set email = :e where id = :p").param("e", "not-an-address-" + member).param("p", member)
                .update();
        try {
            long thread = fixture.thread("member-ict", "ICT", "No address " + System.nanoTime());
            fixture.reply("chair-ict", thread, "To someone without an address");
            composer.composeImmediate(MailTestSupport.afterDelay());
            assertThat(sender.sendDue(MailTestSupport.afterDelay())).isZero();
            assertThat(jdbc.sql("select status from mail_outbox where person_id = :p order by id desc "
                    + "fetch first 1 rows only").param("p", member).query(String.class).single()).isEqualTo("SKIPPED");
        } finally {
            jdbc.sql("update person set email = :e where id = :p").param("e", email).param("p", member).update();
        }
    }

    private String admin_pending_error(long person) {
        return jdbc.sql("select last_error from mail_outbox where person_id = :p and status = 'QUEUED'")
                .param("p", person).query(String.class).single();
    }

    private MailConfig config(int batch, int maxAttempts) {
        return new MailConfig("TC Workspace <no-reply@tcw.localhost>", "http://localhost:8080",
                MailConfig.DEVELOPMENT_SECRET, Duration.ofMinutes(5), batch, maxAttempts, env);
    }

    private static MimeMessage only(MimeMessage[] messages, String to) {
        assertThat(messages).as("e-mails to " + to).hasSize(1);
        return messages[0];
    }
}
