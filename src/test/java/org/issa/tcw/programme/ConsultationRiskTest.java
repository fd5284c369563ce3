package org.issa.tcw.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.consultation.Audience;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.RoundClosing;
import org.issa.tcw.documents.consultation.RoundForm;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.issa.tcw.documents.workflow.WorkflowStep;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * ADR 065: a consultation past its deadline marks the milestone of its document "at risk"; extending
 * the deadline or the chair ending the consultation un-marks it; the daily check repairs a mark
 * that a lost listener left wrong; who may extend and what is refused.
 */
@SpringTest
class ConsultationRiskTest {

    @Autowired
    ProgrammeService programme;
    @Autowired
    MilestoneService milestones;
    @Autowired
    MilestoneWatch watch;
    @Autowired
    ProgrammeFixture fixture;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentWorkflow workflow;
    @Autowired
    ConsultationService consultations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignIn signIn;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    MilestoneRow milestone(long project) {
        signIn.as("chair-ict");
        return programme.project(project).milestones().stream().filter(m -> m.title().equals("Guideline"))
                .findFirst().orElseThrow();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    void pastDeadline(long roundId) {
        jdbc.update("update consultation_round set deadline = ? where id = ?",
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minusMinutes(1), roundId);
        RoundClosing.closeDue(context, clock.instant());
    }

    @Test
    void a_late_consultation_puts_the_milestone_at_risk_until_extended_or_ended() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Late consultation " + System.nanoTime());
        long doc = documents.create("ICT", form);
        long project = fixture.newIctProject("At risk project " + System.nanoTime(), null);
        signIn.as("chair-ict");
        int y = programme.project(project).triennium().startYear();
        milestones.saveMilestone(new MilestoneDraft(null, project, 0, "Guideline", LocalDate.of(y + 1, 12, 31), null,
                null, doc));
        RoundForm round = new RoundForm();
        round.setAudience(Audience.COMMISSION);
        round.setDeadline(today().plusDays(7));
        round.setIntroduction("Please comment.");
        long roundId = consultations.open(doc, round);
        assertThat(milestone(project).consultationLate()).isFalse();
        assertThat(milestone(project).state(today())).isNotEqualTo(MilestoneState.AT_RISK);

        // the deadline passes and the round closes: at risk, on the project page and in the programme's lists
        pastDeadline(roundId);
        MilestoneRow late = milestone(project);
        assertThat(late.consultationLate()).isTrue();
        assertThat(late.state(today())).isEqualTo(MilestoneState.AT_RISK);
        assertThat(programme.tree("ICT", null).projects().stream().filter(p -> p.id() == project)
                .flatMap(p -> p.milestones().stream()).filter(m -> m.title().equals("Guideline")))
                .singleElement().satisfies(m -> assertThat(m.state(today())).isEqualTo(MilestoneState.AT_RISK));

        // who may not extend, and bad input: refused, nothing changed
        signIn.as("member-ict");
        assertThatThrownBy(() -> consultations.extend(roundId, today().plusDays(14)))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as("chair-ict");
        assertThatThrownBy(() -> consultations.extend(roundId, null)).isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.deadline.required");
        assertThatThrownBy(() -> consultations.extend(roundId, today().minusDays(1)))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.deadline.past");
        assertThat(milestone(project).consultationLate()).isTrue();
        assertThat(jdbc.queryForObject("select state from consultation_round where id = ?", String.class, roundId))
                .isEqualTo("CLOSED");

        // extended: open again, no longer at risk
        signIn.as("chair-ict");
        consultations.extend(roundId, today().plusDays(14));
        assertThat(jdbc.queryForObject("select state from consultation_round where id = ?", String.class, roundId))
                .isEqualTo("OPEN");
        assertThat(milestone(project).consultationLate()).isFalse();
        signIn.as("chair-ict");
        assertThatThrownBy(() -> consultations.extend(roundId, today().plusDays(10)))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.deadline.not-later");

        // late again; a mark lost by a listener is repaired by the daily check, and a wrong one removed
        pastDeadline(roundId);
        assertThat(milestone(project).consultationLate()).isTrue();
        jdbc.update("update milestone set consultation_late = false where document_id = ?", doc);
        assertThat(milestone(project).consultationLate()).isFalse();
        watch.check();
        assertThat(milestone(project).consultationLate()).isTrue();
        watch.check();
        assertThat(milestone(project).consultationLate()).isTrue();

        // the chair ends the consultation (back to internal review): no longer at risk
        signIn.as("chair-ict");
        workflow.take(doc, WorkflowStep.END_CONSULTATION, null);
        assertThat(milestone(project).consultationLate()).isFalse();
        jdbc.update("update milestone set consultation_late = true where document_id = ?", doc);
        watch.check();
        assertThat(milestone(project).consultationLate()).isFalse();
        signIn.as("chair-ict");
        assertThatThrownBy(() -> consultations.extend(roundId, today().plusDays(30)))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "consultation.extend.not-in-consultation");
    }
}
