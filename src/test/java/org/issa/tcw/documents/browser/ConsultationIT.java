package org.issa.tcw.documents.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.consultation.Audience;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.RoundClosing;
import org.issa.tcw.documents.consultation.RoundForm;
import org.issa.tcw.programme.MilestoneDraft;
import org.issa.tcw.programme.MilestoneService;
import org.issa.tcw.programme.ProgrammeService;
import org.issa.tcw.programme.ProgrammeTree;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 end to end in Chromium: a participant from another commission (member-fam) comments in
 * French on an ICT guideline in consultation through the round's panel; after the deadline the
 * ICT chair disposes of the comment on the round's page (the disposition log), approves the
 * document from its stepper, and the milestone linked to it shows completed on the project page.
 * The round is opened and the milestone linked through the services (what the JVM and Karibu tests
 * cover); the deadline is made to pass by moving it, then the closing job's own method runs.
 */
class ConsultationIT {

    static final String TEXT = "Institutions should verify identity with national schemes.";
    static final String FRENCH = "Les régimes nationaux ne couvrent pas toute la population.";

    private final List<EditorPage> pages = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        pages.forEach(EditorPage::close);
    }

    EditorPage browser(String user) {
        EditorPage page = new EditorPage(user);
        pages.add(page);
        return page.signIn();
    }

    /** Picks the item with this label in an open {@code vaadin-select} (its overlay), as a person clicks it. */
    static void choose(EditorPage page, String selectId, String label) {
        CommentsIT.click(page, By.id(selectId));
        CoEditingIT.eventually(Duration.ofSeconds(10), () -> Boolean.TRUE.equals(page.js("""
                const item = [...document.querySelectorAll('vaadin-select-item')]
                    .find(i => i.textContent.trim() === arguments[0] && i.getClientRects().length > 0);
                if (item) { item.click(); return true; }
                return false;""", label)), () -> "no item " + label + " in " + selectId);
        CoEditingIT.eventually(Duration.ofSeconds(10), () -> Boolean.TRUE.equals(page.js(
                "return !document.getElementById(arguments[0]).opened", selectId)), () -> selectId + " stayed open");
    }

    static boolean shows(EditorPage page, String selector, String text) {
        return Boolean.TRUE.equals(page.js("return [...document.querySelectorAll(arguments[0])]"
                + ".some(e => e.textContent.includes(arguments[1]))", selector, text));
    }

    @Test
    void a_french_comment_from_another_commission_is_disposed_of_and_approval_completes_the_milestone() {
        long doc = RunningApp.newDocument("Consulted guideline " + System.nanoTime());
        DocumentFixtures.type(RunningApp.context(), doc, TEXT, false);
        SignIn signIn = RunningApp.bean(SignIn.class);
        JdbcTemplate jdbc = RunningApp.bean(JdbcTemplate.class);
        long ict = jdbc.queryForObject("select id from commission where code = 'ICT'", Long.class);
        long fam = jdbc.queryForObject("select id from commission where code = 'FAM'", Long.class);
        long project;
        long milestone;
        long roundId;
        signIn.as("chair-ict");
        try {
            ProgrammeTree tree = RunningApp.bean(ProgrammeService.class).tree("ICT", null);
            var first = tree.projects().getFirst();
            project = first.id();
            milestone = RunningApp.bean(MilestoneService.class).saveMilestone(new MilestoneDraft(null, project, 0,
                    "Guideline approved", first.endDate(), null, null, doc, null));
            RoundForm form = new RoundForm();
            form.setAudience(Audience.COMMISSIONS);
            form.setCommissionIds(Set.of(ict, fam));
            form.setDeadline(LocalDate.now(ZoneOffset.UTC).plusDays(14));
            form.setIntroduction("Please comment on the draft guideline.");
            roundId = RunningApp.bean(ConsultationService.class).open(doc, form);
        } finally {
            signIn.out();
        }

        // member-fam (FAM) takes part: selects the text and comments in French, tagged technical
        EditorPage participant = browser("member-fam").open(doc);
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> participant.text().contains("national schemes"),
                participant::text);
        CoEditingIT.eventually(Duration.ofSeconds(20),
                () -> !participant.driver.findElements(By.cssSelector("#consultation-body textarea")).isEmpty(),
                () -> "no consultation form for the participant");
        CommentsIT.select(participant, "national", "schemes");
        choose(participant, "consultation-tag", "Technical");
        choose(participant, "consultation-language", "French");
        participant.driver.findElement(By.cssSelector("#consultation-body textarea")).sendKeys(FRENCH);
        CommentsIT.click(participant, By.id("consultation-send"));
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> shows(participant, "#comment-list .tcw-comment-card", FRENCH),
                () -> "the participant's comment is not in the comment list");

        // the deadline passes; the closing job closes the round
        jdbc.update("update consultation_round set deadline = ? where id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), roundId);
        RoundClosing.closeDue(RunningApp.context(), Instant.now());

        // the chair disposes of it on the round's page: the log shows who, in which language, and what was decided
        EditorPage chair = browser("chair-ict");
        chair.driver.get(chair.base + "consultations/" + roundId);
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> shows(chair, "#disposition-grid vaadin-grid-cell-content",
                FRENCH), () -> "the chair's disposition grid does not show the French comment");
        assertThat(shows(chair, "#disposition-grid vaadin-grid-cell-content", "Technical · French")).isTrue();
        CommentsIT.click(chair, By.id("dispose"));
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> !chair.driver.findElements(By.id("dispose-disposition"))
                .isEmpty(), () -> "the disposition dialog did not open");
        choose(chair, "dispose-disposition", "Accepted");
        chair.driver.findElement(By.cssSelector("#dispose-reason textarea")).sendKeys("Coverage added in 2.1.");
        CommentsIT.click(chair, By.id("dispose-save"));
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> shows(chair, "#disposition-grid vaadin-grid-cell-content",
                "Coverage added in 2.1."), () -> "the disposition is not in the log");
        assertThat(shows(chair, "#consultation-summary", "1")).isTrue();

        // the chair approves the document from its stepper
        chair.open(doc);
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> !chair.driver.findElements(By.id("workflow-approve"))
                .isEmpty(), () -> "no approve button for the chair");
        CommentsIT.click(chair, By.id("workflow-approve"));
        CoEditingIT.eventually(Duration.ofSeconds(20), () -> chair.driver.findElements(By.id("workflow-approve"))
                .isEmpty(), () -> "the document was not approved");

        // the project page: the milestone is done, completed by its document
        chair.driver.get(chair.base + "projects/" + project);
        CoEditingIT.eventually(Duration.ofSeconds(30), () -> Boolean.TRUE.equals(chair.js("""
                const d = document.getElementById('milestone-deliverable-' + arguments[0]);
                if (!d) return false;
                const row = [...document.querySelectorAll('#milestone-grid vaadin-grid-cell-content')];
                return d.textContent.includes('Approved')
                    && row.some(c => c.textContent.includes('Guideline approved'))
                    && !!document.querySelector('#milestone-grid .milestone-done');""", milestone)),
                () -> "the milestone does not show completed: " + chair.js(
                        "const d = document.getElementById('milestone-deliverable-' + arguments[0]);"
                                + " return d ? d.textContent : 'no deliverable cell'", milestone));
        assertThat(jdbc.queryForObject("select done_date from milestone where id = ?", LocalDate.class, milestone))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }
}
