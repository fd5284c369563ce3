package org.issa.tcw.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Clock;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.issa.tcw.documents.workflow.WorkflowStep;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * X1: a milestone linked to a document shows the document's stage and completes by itself when the
 * document is approved (or published, per milestone) with that day; a person's reopening stands and
 * is kept in the project's history.
 */
@SpringTest
class DocumentMilestonesTest {

    @Autowired
    ProgrammeService programme;
    @Autowired
    MilestoneService milestones;
    @Autowired
    ProjectHistoryService history;
    @Autowired
    ProgrammeFixture fixture;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentWorkflow workflow;
    @Autowired
    SignIn signIn;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    long document() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Deliverable " + System.nanoTime());
        return documents.create("ICT", form);
    }

    MilestoneRow milestone(long project, String title) {
        return programme.project(project).milestones().stream().filter(m -> m.title().equals(title)).findFirst()
                .orElseThrow();
    }

    @Test
    void approval_completes_the_milestone_with_its_date_publication_the_one_that_waits_for_it() {
        long doc = document();
        long project = fixture.newIctProject("X1 project " + System.nanoTime(), null);
        signIn.as("chair-ict");
        int y = programme.project(project).triennium().startYear();
        milestones.saveMilestone(new MilestoneDraft(null, project, 0, "On approval", LocalDate.of(y + 1, 6, 1), null,
                null, doc));
        milestones.saveMilestone(new MilestoneDraft(null, project, 0, "On publication", LocalDate.of(y + 1, 6, 1),
                null, null, doc, DocumentStage.PUBLISHED));
        MilestoneRow onApproval = milestone(project, "On approval");
        assertThat(onApproval.documentStage()).isEqualTo(DocumentStage.DRAFT);
        assertThat(onApproval.completesOn()).isEqualTo(DocumentStage.APPROVED);

        workflow.take(doc, WorkflowStep.SUBMIT_FOR_REVIEW, null);
        assertThat(milestone(project, "On approval").documentStage()).isEqualTo(DocumentStage.INTERNAL_REVIEW);
        assertThat(milestone(project, "On approval").done()).isFalse();
        workflow.take(doc, WorkflowStep.APPROVE, null);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));

        onApproval = milestone(project, "On approval");
        assertThat(onApproval.doneDate()).isEqualTo(today);
        assertThat(onApproval.doneByDocument()).isTrue();
        assertThat(onApproval.documentStage()).isEqualTo(DocumentStage.APPROVED);
        MilestoneRow onPublication = milestone(project, "On publication");
        assertThat(onPublication.done()).isFalse();

        signIn.as("secretariat");
        workflow.take(doc, WorkflowStep.PUBLISH, null);
        signIn.as("chair-ict");
        onPublication = milestone(project, "On publication");
        assertThat(onPublication.doneDate()).isEqualTo(today);
        assertThat(onPublication.doneByDocument()).isTrue();
        assertThat(onPublication.documentStage()).isEqualTo(DocumentStage.PUBLISHED);

        // the manual override: reopened by a person, no longer "completed by the document", in the history
        milestones.reopenMilestone(onApproval.id(), onApproval.version());
        MilestoneRow reopened = milestone(project, "On approval");
        assertThat(reopened.done()).isFalse();
        assertThat(reopened.doneByDocument()).isFalse();
        assertThat(history.history(project)).anySatisfy(change -> {
            assertThat(change.subject()).isEqualTo("On approval");
            assertThat(change.username()).isEqualTo("chair-ict");
            assertThat(change.changes()).anySatisfy(f -> assertThat(f.field()).isEqualTo("done"));
        });
    }

    @Test
    void a_milestone_of_a_document_one_may_not_read_shows_no_stage_and_a_cancelled_one_stays_cancelled() {
        signIn.as("member-fam");
        DocumentForm form = new DocumentForm();
        form.setTitle("FAM deliverable " + System.nanoTime());
        long famDoc = documents.create("FAM", form);
        long project = fixture.newIctProject("X1 other " + System.nanoTime(), null);
        signIn.as("chair-ict");
        int y = programme.project(project).triennium().startYear();
        milestones.saveMilestone(new MilestoneDraft(null, project, 0, "Foreign", LocalDate.of(y + 1, 6, 1), null,
                null, famDoc));
        assertThat(milestone(project, "Foreign").documentStage()).isNull();

        long doc = document();
        milestones.saveMilestone(new MilestoneDraft(null, project, 0, "Cancelled", LocalDate.of(y + 1, 6, 1), null,
                null, doc));
        MilestoneRow cancelled = milestone(project, "Cancelled");
        milestones.cancelMilestone(cancelled.id(), cancelled.version());
        workflow.take(doc, WorkflowStep.SUBMIT_FOR_REVIEW, null);
        workflow.take(doc, WorkflowStep.APPROVE, null);
        assertThat(milestone(project, "Cancelled").done()).isFalse();
        assertThat(milestone(project, "Cancelled").cancelled()).isTrue();
    }
}
