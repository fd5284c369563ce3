package org.issa.tcw.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The base of the e-mail tests on the shared Spring context, written once: a real GreenMail (SMTP,
 * and IMAP holding the reply mailbox, started for each test method on the test profile's ports),
 * the mail feature's jobs called by hand, clean mail tables before each test and nobody signed in
 * after it, and the helpers every test uses (a demo person's id and address, a preference, compose
 * and send now, the e-mails a person received).
 */
@SpringTest
abstract class MailTest {

    @RegisterExtension
    static GreenMailExtension greenMail = MailTestSupport.greenMailWithImap();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    MailComposer composer;
    @Autowired
    OutboxSender sender;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    SignIn signIn;

    @BeforeEach
    void cleanMail() {
        MailTestSupport.clean(jdbc);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    /** A demo person's id. */
    long person(String username) {
        return MailTestSupport.person(jdbc, username);
    }

    /** A person's e-mail address. */
    String email(long person) {
        return jdbc.sql("select email from person where id = :p").param("p", person).query(String.class).single();
    }

    /** The person's choice for a kind of e-mail. */
    void prefer(long person, MailKind kind, Delivery delivery) {
        jdbc.sql("delete from mail_preference where person_id = :p and kind = :k").param("p", person)
                .param("k", kind.name()).update();
        jdbc.sql("insert into mail_preference (person_id, kind, delivery) values (:p, :k, :d)").param("p", person)
                .param("k", kind.name()).param("d", delivery.name()).update();
    }

    /** The person's language for e-mails (null: the default). */
    void speaks(long person, String locale) {
        jdbc.sql("update person set preferred_locale = :l where id = :p").param("l", locale).param("p", person)
                .update();
    }

    /** Immediate e-mails composed and the outbox sent, as if the delay had passed. */
    void composeAndSend() {
        composer.composeImmediate(MailTestSupport.afterDelay());
        sender.sendDue(MailTestSupport.afterDelay());
    }

    /** What GreenMail received for this person's address. */
    MimeMessage[] mailsTo(long person) {
        return greenMail.getReceivedMessagesForDomain(email(person));
    }
}
