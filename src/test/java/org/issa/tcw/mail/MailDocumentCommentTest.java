package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.comments.CommentAdded;
import org.issa.tcw.documents.consultation.Audience;
import org.issa.tcw.documents.consultation.CommentTag;
import org.issa.tcw.documents.consultation.ConsultationFixtures;
import org.issa.tcw.documents.consultation.ConsultationOpened;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.RoundForm;
import org.issa.tcw.documents.suggestions.SuggestionFixtures;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Comments and suggestions on my documents (issue 15): the document's creator is told of a comment
 * or a new suggestion by someone else (kind DOCUMENT_COMMENT, as their preference says), not of
 * their own, once, and not twice when a comment mentions them (the mention is mailed); and
 * consultation rounds: every participant of a round that opens is invited in their language, once,
 * as their preference says, and when it closes the participants and the chairs get the outcome and
 * the link to the disposition log, once.
 */
@SpringTest
class MailDocumentCommentTest extends MailTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ConsultationService consultations;
    @Autowired
    ApplicationContext context;

    @Test
    void the_creator_of_a_document_gets_comments_by_others_in_their_language() throws Exception {
        long chair = person("chair-ict");
        long member = person("member-ict");
        long document = fixture.document("ICT").getId();
        long commission = fixture.commissionId("ICT");
        jdbc.sql("update document set created_by = :p where id = :d").param("p", chair).param("d", document).update();
        speaks(chair, "es");
        prefer(chair, MailKind.DOCUMENT_COMMENT, Delivery.IMMEDIATELY);

        tx.executeWithoutResult(s -> {
            events.publishEvent(new CommentAdded(document, commission, 41, chair, "Chair", "Guide", "<p>Own</p>", Set.of()));
            events.publishEvent(new CommentAdded(document, commission, 42, member, "Ana Member", "Guide",
                    "<p>Please <strong>shorten</strong> §2</p>", Set.of()));
            events.publishEvent(new CommentAdded(document, commission, 43, member, "Ana Member", "Guide",
                    "<p>@chair-ict see here</p>", Set.of(chair)));
        });
        assertThat(jdbc.sql("select count(*) from mail_item where person_id = :p and kind = 'DOCUMENT_COMMENT' and state = 'NEW'")
                .param("p", chair).query(Integer.class).single()).isEqualTo(1);

        composeAndSend();
        MimeMessage m = greenMail.getReceivedMessagesForDomain(
                jdbc.sql("select email from person where id = :p").param("p", chair).query(String.class).single())[0];
        assertThat(m.getSubject()).contains("Ana Member").contains("Guide");
        assertThat(MailTestSupport.text(m)).contains("Please shorten §2")
                .contains("documents/" + document + "?comment=42").contains("Recibe esto porque");
    }

    @Test
    void the_participants_of_an_opened_round_are_invited_in_their_language() throws Exception {
        long outsider = person("member-fam");
        long member = person("member-ict");
        long document = fixture.document("ICT").getId();
        long commission = fixture.commissionId("ICT");
        speaks(outsider, "fr");
        prefer(outsider, MailKind.CONSULTATION, Delivery.IMMEDIATELY);
        prefer(member, MailKind.CONSULTATION, Delivery.OFF);

        tx.executeWithoutResult(s -> events.publishEvent(new ConsultationOpened(7, document, commission,
                "Digital identity guideline", "Carla Chair", List.of(outsider, member, outsider))));
        assertThat(jdbc.sql("select count(*) from mail_item where kind = 'CONSULTATION' and person_id = :p and state = 'NEW'")
                .param("p", outsider).query(Integer.class).single()).as("invited once").isEqualTo(1);

        composeAndSend();
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

    @Test
    void a_new_suggestion_on_my_document_is_mailed_once_in_my_language_with_a_link_to_it() throws Exception {
        long chair = person("chair-ict");
        long member = person("member-ict");
        String title = "Suggested guide " + System.nanoTime();
        long document = newDocument(title);
        speaks(chair, "de");
        prefer(chair, MailKind.DOCUMENT_COMMENT, Delivery.IMMEDIATELY);
        String now = Long.toString(System.currentTimeMillis(), 36);
        String theirs = member + ":" + now + ":mail-a";
        String mine = chair + ":" + now + ":mail-b";
        String longAgo = member + ":" + Long.toString(System.currentTimeMillis() - Duration.ofDays(3).toMillis(), 36)
                + ":mail-c";
        DocumentFixtures.suggest(context, document, 0, 0, "Shorter sentences. ", theirs);
        DocumentFixtures.suggest(context, document, 0, 0, "My own idea. ", mine);
        DocumentFixtures.suggest(context, document, 0, 0, "Made before the watch. ", longAgo);

        SuggestionFixtures.watch(context);
        SuggestionFixtures.watch(context);
        String link = "documents/" + document + "?suggestion=" + URLEncoder.encode(theirs, StandardCharsets.UTF_8);
        assertThat(jdbc.sql("select link from mail_item where kind = 'DOCUMENT_COMMENT' and link like :l")
                .param("l", "documents/" + document + "?%").query(String.class).list())
                .as("the member's new suggestion, to the creator, once; not the creator's own, not an old one")
                .containsExactly(link);
        assertThat(jdbc.sql("select person_id from mail_item where link = :l").param("l", link).query(Long.class)
                .list()).containsExactly(chair);

        // a later change of the document: read again, nothing new to announce
        DocumentFixtures.type(context, document, "More text.", true);
        SuggestionFixtures.watch(context);
        assertThat(jdbc.sql("select count(*) from mail_item where link like :l")
                .param("l", "documents/" + document + "?%").query(Integer.class).single()).isEqualTo(1);

        composeAndSend();
        MimeMessage m = about(chair, title);
        assertThat(m.getSubject()).isEqualTo(jdbc.sql("select first_name || ' ' || last_name from person where id = :p")
                .param("p", member).query(String.class).single() + " hat in „" + title + "“ eine Änderung vorgeschlagen");
        assertThat(MailTestSupport.text(m)).contains("Shorter sentences.").contains(link)
                .contains("Sie erhalten dies, weil Sie dieses Dokument verfasst haben");
    }

    @Test
    void a_closed_round_is_mailed_once_to_its_participants_and_chairs_with_the_outcome_and_the_log() throws Exception {
        String title = "Consulted guide " + System.nanoTime();
        long document = newDocument(title);
        DocumentFixtures.type(context, document, "Institutions verify identity with national schemes.", false);
        List<String> anchor = DocumentFixtures.anchor(context, document, "national schemes");
        RoundForm form = new RoundForm();
        form.setAudience(Audience.COMMISSIONS);
        form.setCommissionIds(Set.of(fixture.commissionId("FAM")));
        form.setDeadline(LocalDate.now(ZoneOffset.UTC).plusDays(7));
        form.setIntroduction("Please comment on the draft.");
        signIn.as("chair-ict");
        long round = consultations.open(document, form);
        signIn.as("member-fam");
        consultations.comment(round, anchor.get(0), anchor.get(1), "Add a reference.", CommentTag.GENERAL,
                WorkingLanguage.EN);
        signIn.out();
        long participant = person("member-fam");
        long chair = person("chair-ict");
        long outsider = person("member-ict");
        speaks(participant, "fr");
        prefer(participant, MailKind.CONSULTATION, Delivery.IMMEDIATELY);
        prefer(chair, MailKind.CONSULTATION, Delivery.IMMEDIATELY);
        prefer(outsider, MailKind.CONSULTATION, Delivery.IMMEDIATELY);
        jdbc.sql("update mail_item set state = 'DROPPED' where kind = 'CONSULTATION' and state = 'NEW'").update();

        jdbc.sql("update consultation_round set deadline = :t where id = :r")
                .param("t", java.time.OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).param("r", round).update();
        ConsultationFixtures.closeDue(context);
        ConsultationFixtures.closeDue(context);
        assertThat(jdbc.sql("select person_id from mail_item where group_key = :g order by person_id")
                .param("g", "consultation:" + round).query(Long.class).list())
                .as("each participant and chair once; not a member of the commission who was not consulted")
                .contains(participant, chair).doesNotContain(outsider).doesNotHaveDuplicates();

        composeAndSend();
        MimeMessage toParticipant = about(participant, title);
        assertThat(toParticipant.getSubject()).startsWith("La consultation sur « " + title + " » a été clôturée le");
        assertThat(MailTestSupport.text(toParticipant)).contains("Commentaires reçus : 1 (un participant)")
                .contains("consultations/" + round);
        MimeMessage toChair = about(chair, title);
        assertThat(MailTestSupport.text(toChair)).contains("Comments received: 1, by one person")
                .contains("consultations/" + round).contains("or chair its commission");
    }

    private long newDocument(String title) {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle(title);
        long id = documents.create("ICT", form);
        signIn.out();
        return id;
    }

    /** The one e-mail this person received about the document of this title. */
    private MimeMessage about(long person, String title) throws Exception {
        List<MimeMessage> found = Arrays.stream(mailsTo(person)).filter(m -> {
            try {
                return m.getSubject().contains(title);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
