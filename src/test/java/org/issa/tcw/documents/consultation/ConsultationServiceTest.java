package org.issa.tcw.documents.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentAccess;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.comments.CommentView;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.issa.tcw.documents.workflow.WorkflowStep;
import org.issa.tcw.notification.NotificationRow;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.people.Region;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * A consultation round from opening to the disposition log: participants from another commission
 * read and comment (suggest-only), the deadline closes the round once, late input is refused with
 * its message, dispositions (with the linked suggestion), XLSX and PDF read back; who may and may
 * not; bad input refused with nothing changed.
 */
@SpringTest
class ConsultationServiceTest {

    static final String TEXT = "Institutions should verify identity with national schemes.";

    @Autowired
    ConsultationService consultations;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentComments comments;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    DocumentAccess documentAccess;
    @Autowired
    NotificationService notifications;
    @Autowired
    RoundCloser closer;
    @Autowired
    DocumentWorkflow workflow;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignIn signIn;
    @Autowired
    ApplicationContext context;

    long documentId;
    List<String> national;
    long ict;
    long fam;

    @BeforeEach
    void document() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Consulted guideline " + System.nanoTime());
        documentId = documents.create("ICT", form);
        signIn.out();
        DocumentFixtures.type(context, documentId, TEXT, false);
        national = DocumentFixtures.anchor(context, documentId, "national schemes");
        ict = jdbc.queryForObject("select id from commission where code = 'ICT'", Long.class);
        fam = jdbc.queryForObject("select id from commission where code = 'FAM'", Long.class);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    RoundForm form(Audience audience) {
        RoundForm form = new RoundForm();
        form.setAudience(audience);
        form.setDeadline(LocalDate.now(ZoneOffset.UTC).plusDays(14));
        form.setIntroduction("Please comment on the draft guideline.");
        form.setQuestions("1. Is the scope right?");
        return form;
    }

    long open(RoundForm form) {
        signIn.as("chair-ict");
        try {
            return consultations.open(documentId, form);
        } finally {
            signIn.out();
        }
    }

    long person(String username) {
        return jdbc.queryForObject("select id from person where username = ?", Long.class, username);
    }

    int rounds() {
        return jdbc.queryForObject("select count(*) from consultation_round where document_id = ?", Integer.class,
                documentId);
    }

    void pastDeadline(long roundId) {
        jdbc.update("update consultation_round set deadline = ? where id = ?",
                java.time.OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), roundId);
    }

    @Test
    void a_round_from_opening_to_the_exported_disposition_log() throws Exception {
        RoundForm form = form(Audience.COMMISSIONS);
        form.setCommissionIds(Set.of(ict, fam));
        long roundId = open(form);

        // a participant from another commission is told, reads the draft, comments and suggests only
        signIn.as("member-fam");
        List<NotificationRow> told = notifications.mine(PageRequest.of(0, 20));
        assertThat(told).anyMatch(n -> n.link().equals("documents/" + documentId));
        assertThat(documents.open(documentId).title()).startsWith("Consulted guideline");
        assertThat(documentAccess.suggestOnlyByGrant(documentId, ict)).isTrue();
        assertThat(documentAccess.may(CommissionAction.EDIT_DRAFT, documentId, ict)).isFalse();
        long french = consultations.comment(roundId, national.get(0), national.get(1),
                "Les régimes nationaux ne couvrent pas toute la population.", CommentTag.TECHNICAL,
                WorkingLanguage.FR);
        String suggestionId = person("member-fam") + ":" + Long.toString(System.currentTimeMillis(), 36) + ":x1";
        DocumentFixtures.suggest(context, documentId, 0, 0, "All ", suggestionId);
        long onSuggestion = consultations.commentOnSuggestion(roundId, suggestionId,
                "Alle Institutionen, nicht nur einige.", CommentTag.EDITORIAL, WorkingLanguage.DE);
        signIn.out();
        // a member of the commission takes part too (in English)
        signIn.as("member-ict");
        long english = consultations.comment(roundId, national.get(0), national.get(1), "Add a reference.",
                CommentTag.GENERAL, WorkingLanguage.EN);
        signIn.out();

        // the deadline passes: the round is closed once, even by two nodes at the same moment
        pastDeadline(roundId);
        signIn.as("member-fam");
        assertThatThrownBy(() -> consultations.comment(roundId, national.get(0), national.get(1), "Late", CommentTag.GENERAL,
                WorkingLanguage.EN)).isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.closed");
        signIn.out();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return closer.closeDue();
            }));
        }
        int closedByThisRound = 0;
        for (CompletableFuture<Integer> n : nodes) {
            closedByThisRound += n.get();
        }
        assertThat(closedByThisRound).isEqualTo(1);
        assertThat(jdbc.queryForObject("select state from consultation_round where id = ?", String.class, roundId))
                .isEqualTo("CLOSED");
        assertThat(closer.closeDue()).isZero();

        // late input refused with a clear message, through the round and through the comment panel alike
        signIn.as("member-fam");
        int before = comments.list(documentId).comments().size();
        assertThatThrownBy(() -> consultations.comment(roundId, national.get(0), national.get(1), "Late", CommentTag.GENERAL,
                WorkingLanguage.EN)).isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.closed");
        assertThatThrownBy(() -> comments.comment(documentId, national.get(0), national.get(1), "Late too"))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "consultation.closed");
        assertThat(comments.list(documentId).comments()).hasSize(before);
        assertThat(documentAccess.suggestOnlyByGrant(documentId, ict)).isFalse();
        assertThat(documents.open(documentId).id()).isEqualTo(documentId); // still reads what was consulted
        signIn.out();

        // dispositions
        signIn.as("chair-ict");
        assertThatThrownBy(() -> consultations.dispose(roundId, french, Disposition.REJECTED, " "))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.reason.required");
        assertThat(consultations.log(roundId)).allMatch(r -> r.disposition() == null);
        consultations.dispose(roundId, french, Disposition.REJECTED, "Out of scope of this guideline.");
        consultations.dispose(roundId, english, Disposition.NOTED, null);
        assertThat(suggestions.list(documentId)).anyMatch(s -> s.id().equals(suggestionId));
        consultations.dispose(roundId, onSuggestion, Disposition.ACCEPTED, "");
        assertThat(suggestions.list(documentId)).noneMatch(s -> s.id().equals(suggestionId));
        assertThat(documents.markedUp(documentId).text()).startsWith("All Institutions");
        List<ContributionRow> log = consultations.log(roundId);
        assertThat(log).extracting(ContributionRow::commentId).containsExactly(french, onSuggestion, english);
        assertThat(log.get(0).tag()).isEqualTo(CommentTag.TECHNICAL);
        assertThat(log.get(0).language()).isEqualTo(WorkingLanguage.FR);
        assertThat(log.get(0).quote()).isEqualTo("national schemes");
        assertThat(log.get(0).institution()).contains("DRV");
        assertThat(log.get(1).suggestionId()).isEqualTo(suggestionId);

        RoundSummary summary = consultations.summary(roundId);
        assertThat(summary.contributions()).isEqualTo(3);
        assertThat(summary.disposed()).isEqualTo(3);
        assertThat(summary.perRegion()).containsEntry(Region.EUROPE, 2).containsEntry(Region.AFRICA, 1);

        // the log as XLSX, in French
        DispositionLogFile xlsx = consultations.export(roundId, false, Locale.FRENCH);
        assertThat(xlsx.fileName()).endsWith(".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            Sheet sheet = wb.getSheet("Commentaires");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo(
                    "Les régimes nationaux ne couvrent pas toute la population.");
            assertThat(first.getCell(9).getStringCellValue()).isEqualTo("Rejetée");
            assertThat(first.getCell(10).getStringCellValue()).isEqualTo("Out of scope of this guideline.");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("Technique");
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("Suite donnée");
            assertThat(wb.getSheet("Synthèse")).isNotNull();
        }
        // and as PDF, in German
        DispositionLogFile pdf = consultations.export(roundId, true, Locale.GERMAN);
        try (PDDocument doc = Loader.loadPDF(pdf.content())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Verzeichnis der Entscheidungen", "Abgelehnt", "Zur Kenntnis genommen",
                    "Alle Institutionen, nicht nur einige.", "Beiträge je Region", "Europa");
        }
    }

    @Test
    void participants_see_their_own_institutions_comments_unless_the_round_shows_all() {
        RoundForm form = form(Audience.COMMISSIONS);
        form.setCommissionIds(Set.of(ict, fam));
        long roundId = open(form);
        signIn.as("member-ict");
        consultations.comment(roundId, national.get(0), national.get(1), "Kenyan view.", CommentTag.GENERAL,
                WorkingLanguage.EN);
        signIn.out();
        signIn.as("member-fam");
        consultations.comment(roundId, national.get(0), national.get(1), "Deutsche Sicht.", CommentTag.GENERAL,
                WorkingLanguage.DE);
        assertThat(comments.list(documentId).comments()).extracting(CommentView::authorName)
                .containsExactly("Jonas Becker");
        assertThat(consultations.log(roundId)).hasSize(1);
        signIn.out();
        signIn.as("chair-ict");
        assertThat(comments.list(documentId).comments()).hasSize(2);
        assertThat(consultations.log(roundId)).hasSize(2);
        signIn.out();
        jdbc.update("update consultation_round set others_visible = true where id = ?", roundId);
        context.getBean(ConsultationGrants.class).forget(documentId);
        signIn.as("member-fam");
        assertThat(comments.list(documentId).comments()).hasSize(2);
    }

    @Test
    void only_reviewers_open_rounds_and_dispose_and_only_participants_take_part() {
        signIn.as("member-ict");
        assertThatThrownBy(() -> consultations.open(documentId, form(Audience.COMMISSION)))
                .isInstanceOf(AccessDeniedException.class);
        signIn.out();
        signIn.as("secretariat"); // disposes, but sending to consultation is the chair's
        assertThatThrownBy(() -> consultations.open(documentId, form(Audience.COMMISSION)))
                .isInstanceOf(AccessDeniedException.class);
        signIn.out();
        assertThat(rounds()).isZero();
        long roundId = open(form(Audience.COMMISSION));
        signIn.as("chair-ict");
        assertThat(workflow.stageOf(documentId)).isEqualTo(DocumentStage.CONSULTATION);
        assertThatThrownBy(() -> workflow.take(documentId, WorkflowStep.APPROVE, null))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.round.still-open");
        signIn.out();

        // FAM is not consulted: its member may neither read the draft nor take part nor see the round
        signIn.as("member-fam");
        assertThatThrownBy(() -> documents.open(documentId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.comment(roundId, national.get(0), national.get(1), "x",
                CommentTag.GENERAL, WorkingLanguage.EN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> comments.comment(documentId, national.get(0), national.get(1), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.round(roundId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.export(roundId, true, Locale.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.log(roundId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.summary(roundId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.rounds(documentId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.commentOnSuggestion(roundId, "1:abc:x", "x", CommentTag.GENERAL,
                WorkingLanguage.EN)).isInstanceOf(AccessDeniedException.class);
        assertThat(documentAccess.may(CommissionAction.READ, documentId, ict)).isFalse();
        signIn.out();

        // an ICT member takes part but may not dispose
        signIn.as("member-ict");
        long comment = consultations.comment(roundId, national.get(0), national.get(1), "Fine.", CommentTag.GENERAL,
                WorkingLanguage.EN);
        assertThat(documentAccess.suggestOnlyByGrant(documentId, ict)).isTrue();
        assertThatThrownBy(() -> consultations.dispose(roundId, comment, Disposition.NOTED, null))
                .isInstanceOf(AccessDeniedException.class);
        signIn.out();
        // the chair is not made suggest-only by the round; the secretariat disposes
        signIn.as("secretariat");
        consultations.dispose(roundId, comment, Disposition.ACCEPTED_IN_PART, "Partly taken up.");
        signIn.out();
        signIn.as("chair-ict");
        assertThat(documentAccess.suggestOnlyByGrant(documentId, ict)).isFalse();
        consultations.dispose(roundId, comment, Disposition.NOTED, null);
        assertThatThrownBy(() -> consultations.open(documentId, form(Audience.COMMISSION)))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.round.already-open");
    }

    @Test
    void bad_input_is_refused_with_nothing_changed() {
        RoundForm past = form(Audience.COMMISSION);
        past.setDeadline(LocalDate.now(ZoneOffset.UTC).minusDays(1));
        refused(past, "consultation.deadline.past");
        RoundForm noDeadline = form(Audience.COMMISSION);
        noDeadline.setDeadline(null);
        refused(noDeadline, "consultation.deadline.required");
        refused(form(Audience.COMMISSIONS), "consultation.audience.empty");
        refused(form(Audience.INSTITUTIONS), "consultation.audience.empty");
        RoundForm noAudience = form(Audience.COMMISSION);
        noAudience.setAudience(null);
        refused(noAudience, "consultation.audience.empty");
        // an institution without contact people: the audience names nobody
        jdbc.update("insert into institution (name, country_code, region, membership_type) values (?, 'FR', 'EUROPE',"
                + " 'AFFILIATE')", "Institution without contacts " + System.nanoTime());
        long lonely = jdbc.queryForObject("select max(id) from institution", Long.class);
        RoundForm nobody = form(Audience.INSTITUTIONS);
        nobody.setInstitutionIds(Set.of(lonely));
        refused(nobody, "consultation.audience.nobody");
        RoundForm noIntro = form(Audience.COMMISSION);
        noIntro.setIntroduction("  ");
        refused(noIntro, "validation.required");
        assertThat(jdbc.queryForObject("select count(*) from consultation_participant p join consultation_round r"
                + " on r.id = p.round_id where r.document_id = ?", Integer.class, documentId)).isZero();
    }

    @Test
    void a_round_is_opened_only_from_a_stage_that_allows_it() {
        signIn.as("chair-ict");
        workflow.take(documentId, WorkflowStep.SUBMIT_FOR_REVIEW, null);
        workflow.take(documentId, WorkflowStep.APPROVE, null);
        assertThatThrownBy(() -> consultations.open(documentId, form(Audience.COMMISSION)))
                .isInstanceOf(UserFacingException.class);
        signIn.out();
        assertThat(rounds()).isZero();
    }

    @Test
    void contact_people_are_the_audience_of_institutions() {
        long drv = jdbc.queryForObject("select id from institution where acronym = 'DRV'", Long.class);
        long fam = person("member-fam");
        signIn.as("member-ict");
        assertThatThrownBy(() -> consultations.addContact(drv, fam)).isInstanceOf(AccessDeniedException.class);
        signIn.out();
        if (jdbc.queryForObject("select count(*) from consultation_contact where institution_id = ? and person_id = ?",
                Integer.class, drv, fam) == 0) {
            signIn.as("secretariat");
            consultations.addContact(drv, fam);
            signIn.out();
        }
        RoundForm form = form(Audience.INSTITUTIONS);
        form.setInstitutionIds(Set.of(drv));
        long roundId = open(form);
        signIn.as("member-fam");
        assertThat(consultations.round(roundId).participant()).isTrue();
        signIn.out();
        signIn.as("member-ict"); // an ICT member, but not consulted in this round
        assertThat(consultations.round(roundId).participant()).isFalse();
        assertThatThrownBy(() -> consultations.comment(roundId, national.get(0), national.get(1), "x",
                CommentTag.GENERAL, WorkingLanguage.EN)).isInstanceOf(AccessDeniedException.class);
    }

    void refused(RoundForm form, String key) {
        signIn.as("chair-ict");
        try {
            assertThatThrownBy(() -> consultations.open(documentId, form)).isInstanceOf(UserFacingException.class)
                    .hasFieldOrPropertyWithValue("messageKey", key);
        } finally {
            signIn.out();
        }
        assertThat(rounds()).isZero();
    }
}
