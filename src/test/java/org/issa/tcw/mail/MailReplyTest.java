package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.issa.tcw.mail.ReplyIntake.Outcome;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replies by e-mail (ADR 046) against a real SMTP and IMAP server (GreenMail, delivering
 * {@code reply+token@} to the {@code reply@} mailbox): a thread notification carries the signed
 * Reply-To address; a reply to it becomes one post by that person with only its new text; a
 * forged token, another sender, a person without access and a locked thread are refused with one
 * bounce in the sender's language; the same e-mail read twice posts once; replies wait in the
 * mailbox while the mail server is down.
 */
@SpringTest
class MailReplyTest extends MailTest {

    @Autowired
    ReplyPoller poller;
    @Autowired
    ReplyAddresses addresses;
    @Autowired
    ReplyIntake intake;
    @Autowired
    MailAdminService admin;

    @Test
    void a_reply_to_a_thread_notification_is_posted_once_as_its_author_without_the_quoted_history()
            throws Exception {
        long chair = person("chair-ict");
        long thread = fixture.thread("chair-ict", "ICT", "Reply by mail " + System.nanoTime());
        fixture.reply("member-ict", thread, "What do you think of the **draft**?");
        composeAndSend();
        MimeMessage notification = mailsTo(chair)[0];
        String replyTo = ((InternetAddress) notification.getReplyTo()[0]).getAddress();
        assertThat(replyTo).matches("reply\\+[0-9a-z]+-[0-9a-z]+-[0-9a-z]+-[0-9a-f]{32}@tcw\\.localhost");
        assertThat(MailTestSupport.text(notification)).contains("You can reply to this e-mail");
        long outboxId = jdbc.sql("select id from mail_outbox where reply_to = :r").param("r", replyTo)
                .query(Long.class).single();
        signIn.as("secretariat");
        assertThat(admin.text(outboxId)).as("shown at /admin/mail").startsWith("Reply-To: " + replyTo + "\n\n");
        signIn.out();

        String messageId = send(email(chair), replyTo, """
                I agree with the **draft**, let's go ahead.

                On Mon, 7 Dec 2026 at 10:00, TC Workspace <no-reply@tcw.localhost> wrote:
                > What do you think of the draft?
                > Open in TC Workspace: http://localhost:8080/discussions/1
                """);

        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.POSTED, 1));
        List<String> bodies = posts(thread, chair);
        assertThat(bodies).containsExactly("I agree with the **draft**, let's go ahead.");

        // read again: already seen; made unread, or delivered a second time: the ledger refuses it
        assertThat(poller.poll()).isEmpty();
        markAllUnread();
        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.DUPLICATE, 1));
        send(email(chair), replyTo, "I agree with the **draft**, let's go ahead.", messageId);
        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.DUPLICATE, 1));
        assertThat(posts(thread, chair)).hasSize(1);
        assertThat(jdbc.sql("select outcome from mail_reply where message_id = :m").param("m", messageId)
                .query(String.class).single()).isEqualTo("POSTED");
    }

    @Test
    void an_html_only_reply_from_outlook_keeps_only_the_new_text() throws Exception {
        long member = person("member-ict");
        long thread = fixture.thread("chair-ict", "ICT", "HTML reply " + System.nanoTime());
        var message = message(email(member), addresses.address(member, thread, today()), null);
        message.setContent("""
                <html><body><div>Fine for me.<br>See <b>section 2</b>.</div><script>alert(1)</script>
                <div id="divRplyFwdMsg"><b>From:</b> TC Workspace<br><b>Sent:</b> Monday</div>
                <div>What do you think?</div></body></html>""", "text/html; charset=UTF-8");
        deliver(message);

        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.POSTED, 1));
        assertThat(posts(thread, member)).containsExactly("Fine for me.\nSee section 2.");
    }

    @Test
    void a_forged_token_is_refused_with_one_bounce_in_the_senders_language() throws Exception {
        long chair = person("chair-ict");
        speaks(chair, "de");
        long thread = fixture.thread("member-ict", "ICT", "Forged " + System.nanoTime());
        String genuine = addresses.address(chair, thread, today());
        String forged = genuine.replaceFirst("-[0-9a-f]{32}@", "-" + "0".repeat(32) + "@");
        send(email(chair), forged, "Posted with a forged token");
        // a token made for another thread does not fit this one
        long other = fixture.thread("member-ict", "ICT", "Other " + System.nanoTime());
        String swapped = addresses.address(chair, other, today()).replaceFirst("^reply\\+[0-9a-z]+-[0-9a-z]+-",
                genuine.substring(0, genuine.indexOf('-', genuine.indexOf('-') + 1) + 1));
        send(email(chair), swapped, "Posted with another thread's signature");

        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.REFUSED, 2));
        assertThat(posts(thread, chair)).isEmpty();
        sender.sendDue(MailTestSupport.afterDelay());
        MimeMessage[] bounces = mailsTo(chair);
        assertThat(bounces).hasSize(2);
        assertThat(bounces[0].getSubject()).isEqualTo("Ihre Antwort konnte nicht veröffentlicht werden");
        assertThat(MailTestSupport.text(bounces[0])).contains("Die Antwortadresse wurde nicht erkannt")
                .contains("Posted with a forged token");
        assertThat(bounces[0].getHeader("In-Reply-To")).isNotNull();
    }

    @Test
    void an_expired_token_and_another_senders_address_are_refused() throws Exception {
        long chair = person("chair-ict");
        long member = person("member-ict");
        long thread = fixture.thread("member-ict", "ICT", "Expired " + System.nanoTime());
        send(email(chair), addresses.address(chair, thread, today().minusDays(181)), "Too late");
        send(email(member), addresses.address(chair, thread, today()), "Not my notification");
        send("stranger@example.org", addresses.address(chair, thread, today()), "Spoofed");

        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.REFUSED, 3));
        assertThat(posts(thread, chair)).isEmpty();
        assertThat(posts(thread, member)).isEmpty();
        sender.sendDue(MailTestSupport.afterDelay());
        assertThat(MailTestSupport.text(mailsTo(chair)[0]))
                .contains("too old for replies by e-mail");
        assertThat(MailTestSupport.text(mailsTo(member)[0]))
                .contains("only accepted from the address the notification was sent to");
        assertThat(greenMail.getReceivedMessagesForDomain("example.org")).as("no bounce to strangers").isEmpty();
    }

    @Test
    void a_person_without_access_and_a_locked_thread_are_refused_and_nothing_is_posted() throws Exception {
        long outsider = person("member-fam");
        long chair = person("chair-ict");
        speaks(outsider, "es");
        long thread = fixture.thread("member-ict", "ICT", "No access " + System.nanoTime());
        send(email(outsider), addresses.address(outsider, thread, today()), "Let me in");
        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.REFUSED, 1));

        jdbc.sql("update discussion_thread set locked = true where id = :t").param("t", thread).update();
        send(email(chair), addresses.address(chair, thread, today()), "On a locked thread");
        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.REFUSED, 1));

        assertThat(posts(thread, outsider)).isEmpty();
        assertThat(posts(thread, chair)).isEmpty();
        sender.sendDue(MailTestSupport.afterDelay());
        assertThat(MailTestSupport.text(mailsTo(outsider)[0]))
                .contains("Ya no puede publicar en esta conversación").contains("Let me in");
        assertThat(mailsTo(chair)).hasSize(1);
    }

    @Test
    void replies_wait_in_the_mailbox_while_the_mail_server_is_down() throws Exception {
        long chair = person("chair-ict");
        long thread = fixture.thread("member-ict", "ICT", "Outage " + System.nanoTime());
        send(email(chair), addresses.address(chair, thread, today()), "Written during the outage");
        // the servers stop, the mailbox stays (as a real server's on disk)
        greenMail.getImap().stopService();
        greenMail.getSmtp().stopService();
        try {
            assertThat(poller.poll()).as("server down: nothing read, nothing thrown").isEmpty();
            assertThat(posts(thread, chair)).isEmpty();
        } finally {
            greenMail.start();
        }
        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.POSTED, 1));
        assertThat(posts(thread, chair)).containsExactly("Written during the outage");
    }

    @Test
    void two_nodes_handling_the_same_email_at_once_post_it_once() throws Exception {
        long chair = person("chair-ict");
        long thread = fixture.thread("member-ict", "ICT", "Two nodes " + System.nanoTime());
        var message = message(email(chair), addresses.address(chair, thread, today()), null);
        message.setText("Posted once", "UTF-8");
        message.saveChanges();
        List<Object> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
            List<java.util.concurrent.Callable<Object>> nodes = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                nodes.add(() -> {
                    signIn.useThisContextsStrategy();
                    try {
                        return intake.handle(message);
                    } catch (RuntimeException e) {
                        return e.getClass().getSimpleName(); // left unread: the next run finds it a duplicate
                    }
                });
            }
            for (var f : pool.invokeAll(nodes)) {
                outcomes.add(f.get());
            }
        }
        assertThat(outcomes).containsOnlyOnce(Outcome.POSTED);
        assertThat(posts(thread, chair)).containsExactly("Posted once");
        assertThat(intake.handle(message)).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void auto_replies_are_ignored_without_a_bounce() throws Exception {
        long chair = person("chair-ict");
        long thread = fixture.thread("member-ict", "ICT", "Vacation " + System.nanoTime());
        var message = message(email(chair), addresses.address(chair, thread, today()), null);
        message.setText("I am on holiday until Monday.", "UTF-8");
        message.setHeader("Auto-Submitted", "auto-replied");
        deliver(message);
        assertThat(poller.poll()).isEqualTo(Map.of(Outcome.IGNORED, 1));
        sender.sendDue(MailTestSupport.afterDelay());
        assertThat(mailsTo(chair)).isEmpty();
        assertThat(posts(thread, chair)).isEmpty();
    }

    /** The author's replies in the thread (not the opening post). */
    private List<String> posts(long thread, long author) {
        return jdbc.sql("select body from discussion_post where thread_id = :t and author_id = :a and seq > 1 order by seq")
                .param("t", thread).param("a", author).query(String.class).list();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private String send(String from, String to, String text) throws Exception {
        return send(from, to, text, null);
    }

    /** A plain-text reply with an attachment (left out of the post); returns its Message-ID. */
    private String send(String from, String to, String text, String messageId) throws Exception {
        var message = message(from, to, messageId);
        var body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        var attachment = new MimeBodyPart();
        attachment.setFileName("minutes.txt");
        attachment.setText("attached minutes", "UTF-8");
        attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
        message.setContent(new MimeMultipart(body, attachment));
        return deliver(message);
    }

    private static MimeMessage message(String from, String to, String messageId) throws Exception {
        String id = messageId != null ? messageId : "<" + UUID.randomUUID() + "@client.example>";
        var props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(MailTestSupport.SMTP_PORT));
        var message = new MimeMessage(Session.getInstance(props)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Re: notification");
        return message;
    }

    private static String deliver(MimeMessage message) throws Exception {
        message.saveChanges();
        Transport.send(message, message.getAllRecipients());
        return message.getMessageID();
    }

    private static void markAllUnread() throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", MailTestSupport.IMAP_PORT, "reply@tcw.localhost", "reply@tcw.localhost");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message m : inbox.getMessages()) {
                m.setFlag(Flags.Flag.SEEN, false);
            }
            inbox.close(false);
        }
    }
}
