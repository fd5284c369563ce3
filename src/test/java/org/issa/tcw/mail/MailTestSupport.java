package org.issa.tcw.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the e-mail tests share: the test SMTP server (port of the test profile) and clean tables. */
final class MailTestSupport {

    static final int SMTP_PORT = 3926;
    static final int IMAP_PORT = 3927;

    private MailTestSupport() {
    }

    static GreenMailExtension greenMail() {
        return new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(true);
    }

    /**
     * SMTP and IMAP, delivering {@code reply+token@domain} to the {@code reply@domain} mailbox (plus
     * addressing, as production servers do) for the replies by e-mail.
     */
    static GreenMailExtension greenMailWithImap() {
        return new GreenMailExtension(new ServerSetup[] {new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                        .withUser("reply@tcw.localhost", "reply@tcw.localhost", "reply@tcw.localhost")
                        .withSieveIgnoreDetail())
                .withPerMethodLifecycle(true);
    }

    /** Other tests' posts leave mail items and e-mails behind: out of the way. */
    static void clean(JdbcClient jdbc) {
        jdbc.sql("update mail_item set state = 'DROPPED' where state in ('NEW', 'DIGEST')").update();
        jdbc.sql("update mail_outbox set status = 'SENT' where status <> 'SENT'").update();
        jdbc.sql("delete from mail_preference").update();
        jdbc.sql("delete from mail_settings").update();
        jdbc.sql("update person set preferred_locale = null").update();
    }

    static long person(JdbcClient jdbc, String username) {
        return jdbc.sql("select id from person where username = :u").param("u", username).query(Long.class).single();
    }

    static Instant afterDelay() {
        return Instant.now().plus(Duration.ofMinutes(6));
    }

    static List<String> statuses(JdbcClient jdbc) {
        return jdbc.sql("select status from mail_outbox where status <> 'SENT' or sent_at > :t order by id")
                .param("t", OutboxSender.at(Instant.now().minusSeconds(120))).query(String.class).list();
    }

    static String text(MimeMessage m) {
        return part(m, "text/plain");
    }

    static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    private static String part(jakarta.mail.Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
