package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Set;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.documents.comments.CommentAdded;
import org.issa.tcw.documents.consultation.ConsultationOpened;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Comments on my documents (issue 15): the document's creator is told of a comment by someone else
 * (kind DOCUMENT_COMMENT, as their preference says), not of their own, and not twice when the
 * comment mentions them (the mention is mailed); and consultation rounds: every participant of a
 * round that opens is invited in their language, once, as their preference says.
 */
@SpringTest
class MailDocumentCommentTest {

    @RegisterExtension
    static GreenMailExtension greenMail = MailTestSupport.greenMail();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MailComposer composer;
    @Autowired
    OutboxSender sender;

    @BeforeEach
    void clean() {
        MailTestSupport.clean(jdbc);
    }

    @Test
    void the_creator_of_a_document_gets_comments_by_others_in_their_language() throws Exception {
        long chair = MailTestSupport.person(jdbc, "chair-ict");
        long member = MailTestSupport.person(jdbc, "member-ict");
        long document = fixture.document("ICT").getId();
        long commission = fixture.commissionId("ICT");
        jdbc.sql("update document set created_by = :p where id = :d").param("p", chair).param("d", document).update();
        jdbc.sql("update person set preferred_locale = 'es' where id = :p").param("p", chair).update();
        jdbc.sql("insert into mail_preference (person_id, kind, delivery) values (:p, 'DOCUMENT_COMMENT', 'IMMEDIATELY')")
                .param("p", chair).update();

        tx.executeWithoutResult(s -> {
            events.publishEvent(new CommentAdded(document, commission, 41, chair, "Chair", "Guide", "<p>Own</p>", Set.of()));
            events.publishEvent(new CommentAdded(document, commission, 42, member, "Ana Member", "Guide",
                    "<p>Please <strong>shorten</strong> §2</p>", Set.of()));
            events.publishEvent(new CommentAdded(document, commission, 43, member, "Ana Member", "Guide",
                    "<p>@chair-ict see here</p>", Set.of(chair)));
        });
        assertThat(jdbc.sql("select count(*) from mail_item where person_id = :p and kind = 'DOCUMENT_COMMENT' and state = 'NEW'")
                .param("p", chair).query(Integer.class).single()).isEqualTo(1);

        composer.composeImmediate(MailTestSupport.afterDelay());
        sender.sendDue(MailTestSupport.afterDelay());
        MimeMessage m = greenMail.getReceivedMessagesForDomain(
                jdbc.sql("select email from person where id = :p").param("p", chair).query(String.class).single())[0];
        assertThat(m.getSubject()).contains("Ana Member").contains("Guide");
        assertThat(MailTestSupport.text(m)).contains("Please shorten §2")
                .contains("documents/" + document + "?comment=42").contains("Recibe esto porque");
    }

    @Test
    void the_participants_of_an_opened_round_are_invited_in_their_language() throws Exception {
        long outsider = MailTestSupport.person(jdbc, "member-fam");
        long member = MailTestSupport.person(jdbc, "member-ict");
        long document = fixture.document("ICT").getId();
        long commission = fixture.commissionId("ICT");
        jdbc.sql("update person set preferred_locale = 'fr' where id = :p").param("p", outsider).update();
        jdbc.sql("insert into mail_preference (person_id, kind, delivery) values (:p, 'CONSULTATION', 'IMMEDIATELY')")
                .param("p", outsider).update();
        jdbc.sql("insert into mail_preference (person_id, kind, delivery) values (:p, 'CONSULTATION', 'OFF')")
                .param("p", member).update();

        tx.executeWithoutResult(s -> events.publishEvent(new ConsultationOpened(7, document, commission,
                "Digital identity guideline", "Carla Chair", List.of(outsider, member, outsider))));
        assertThat(jdbc.sql("select count(*) from mail_item where kind = 'CONSULTATION' and person_id = :p")
                .param("p", outsider).query(Integer.class).single()).as("invited once").isEqualTo(1);

        composer.composeImmediate(MailTestSupport.afterDelay());
        sender.sendDue(MailTestSupport.afterDelay());
        String outsiderEmail = jdbc.sql("select email from person where id = :p").param("p", outsider)
                .query(String.class).single();
        MimeMessage[] mails = greenMail.getReceivedMessagesForDomain(outsiderEmail);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).contains("Carla Chair").contains("a ouvert une consultation")
                .contains("Digital identity guideline");
        assertThat(MailTestSupport.text(mails[0])).contains("documents/" + document);
        String memberEmail = jdbc.sql("select email from person where id = :p").param("p", member)
                .query(String.class).single();
        assertThat(greenMail.getReceivedMessagesForDomain(memberEmail)).as("turned off").isEmpty();
    }
}
