package org.issa.tcw.documents.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.RecordingEditor;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.issa.tcw.documents.versions.VersionKind;
import org.issa.tcw.documents.versions.VersionView;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The workflow through the real services, relay and database: who moves a document (allow and deny
 * per role), what each stage lets editors do (suggest-only members in review, nobody in approved),
 * the recorded steps, the versions kept and the events published, and new draft revisions.
 */
@SpringTest
@RecordApplicationEvents
class DocumentWorkflowTest {

    @Autowired
    DocumentWorkflow workflow;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentVersions versions;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.issa.tcw.notification.NotificationService notifications;

    long documentId;
    final List<RecordingEditor> editors = new ArrayList<>();

    @BeforeEach
    void newDocument() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Workflow test " + System.nanoTime());
        documentId = documents.create("ICT", form);
        DocumentFixtures.type(context, documentId, "Guideline text", false);
    }

    @AfterEach
    void close() {
        editors.forEach(e -> relay.leave(documentId, e));
        signIn.out();
    }

    RecordingEditor open(String user) {
        signIn.as(user);
        RecordingEditor e = new RecordingEditor();
        editors.add(e);
        return e;
    }

    void type(String text) {
        byte[] update = relay.read(documentId, log -> engine.typeText(log, text, false).join());
        relay.push(documentId, editors.getLast(), "u" + System.nanoTime(), Base64.getEncoder().encodeToString(update),
                null, 1);
    }

    @Test
    void the_chair_sends_to_review_and_approves_the_secretariat_publishes_each_step_recorded_versioned_and_announced() {
        signIn.as("member-ict");
        assertThatThrownBy(() -> workflow.take(documentId, WorkflowStep.SUBMIT_FOR_REVIEW, null))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("workflow.refused.role");
        assertThat(workflow.stageOf(documentId)).isEqualTo(DocumentStage.DRAFT);
        assertThat(workflow.state(documentId).steps()).isEmpty();

        signIn.as("chair-ict");
        assertThat(workflow.state(documentId).steps()).contains(WorkflowStep.SUBMIT_FOR_REVIEW,
                WorkflowStep.SEND_TO_CONSULTATION, WorkflowStep.WITHDRAW).doesNotContain(WorkflowStep.PUBLISH);
        assertThat(workflow.take(documentId, WorkflowStep.SUBMIT_FOR_REVIEW, null))
                .isEqualTo(DocumentStage.INTERNAL_REVIEW);
        assertThatThrownBy(() -> workflow.take(documentId, WorkflowStep.PUBLISH, null))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("workflow.refused.stage");
        assertThat(workflow.take(documentId, WorkflowStep.APPROVE, null)).isEqualTo(DocumentStage.APPROVED);

        signIn.as("chair-ict");
        assertThatThrownBy(() -> workflow.take(documentId, WorkflowStep.PUBLISH, null))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("workflow.refused.role");
        signIn.as("secretariat");
        assertThat(workflow.take(documentId, WorkflowStep.PUBLISH, null)).isEqualTo(DocumentStage.PUBLISHED);

        signIn.as("observer-ict");
        WorkflowState state = workflow.state(documentId);
        assertThat(state.stage()).isEqualTo(DocumentStage.PUBLISHED);
        assertThat(state.steps()).isEmpty();
        assertThat(state.history()).extracting(StageStepRow::to).containsExactly(DocumentStage.PUBLISHED,
                DocumentStage.APPROVED, DocumentStage.INTERNAL_REVIEW);
        assertThat(state.history().getLast().byName()).isEqualTo("Mariana Costa");
        assertThat(state.history().getFirst().byPersonId()).isNotNull();
        assertThat(versions.list(documentId)).filteredOn(v -> v.kind() == VersionKind.KEPT)
                .extracting(VersionView::name).containsExactly("Published", "Approved", "Internal review");
        assertThat(events.stream(DocumentStageChanged.class).filter(e -> e.documentId() == documentId))
                .extracting(DocumentStageChanged::to).containsExactly(DocumentStage.INTERNAL_REVIEW,
                        DocumentStage.APPROVED, DocumentStage.PUBLISHED);
    }

    @Test
    void a_step_back_needs_a_reason_and_nothing_changes_without_one() {
        signIn.as("chair-ict");
        workflow.take(documentId, WorkflowStep.SUBMIT_FOR_REVIEW, null);
        signIn.as("secretariat");
        assertThatThrownBy(() -> workflow.take(documentId, WorkflowStep.SEND_BACK, " "))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("workflow.reason.required");
        assertThat(workflow.stageOf(documentId)).isEqualTo(DocumentStage.INTERNAL_REVIEW);
        assertThat(workflow.state(documentId).history()).hasSize(1);
        signIn.as("observer-ict");
        assertThatThrownBy(() -> workflow.take(documentId, WorkflowStep.SEND_BACK, "no"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("workflow.refused.role");
        signIn.as("secretariat");
        assertThat(workflow.take(documentId, WorkflowStep.SEND_BACK, "  Section 3 is missing  "))
                .isEqualTo(DocumentStage.DRAFT);
        assertThat(workflow.state(documentId).history().getFirst().reason()).isEqualTo("Section 3 is missing");
        // the commission's members are told (with the reason of a step back); the one who moved it is not
        signIn.as("member-ict");
        assertThat(notifications.mine(org.springframework.data.domain.PageRequest.of(0, 5))).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(org.issa.tcw.notification.NotificationKind.DOCUMENT_DRAFT);
            assertThat(n.detail()).isEqualTo("Section 3 is missing");
            assertThat(n.link()).isEqualTo("documents/" + documentId);
        });
        signIn.as("chair-ict");
        assertThat(notifications.mine(org.springframework.data.domain.PageRequest.of(0, 5)))
                .anyMatch(n -> n.kind() == org.issa.tcw.notification.NotificationKind.DOCUMENT_DRAFT
                        && n.link().equals("documents/" + documentId))
                .noneMatch(n -> n.kind() == org.issa.tcw.notification.NotificationKind.DOCUMENT_INTERNAL_REVIEW
                        && n.link().equals("documents/" + documentId));
    }

    @Test
    void in_review_members_only_suggest_and_reviewers_edit_approved_documents_are_closed_to_everyone() {
        signIn.as("chair-ict");
        workflow.take(documentId, WorkflowStep.SUBMIT_FOR_REVIEW, null);

        RecordingEditor member = open("member-ict");
        var joined = relay.join(documentId, member);
        assertThat(joined.editable()).isTrue();
        assertThat(joined.suggestOnly()).isTrue();
        assertThatThrownBy(() -> type("member typing over the text")).isInstanceOf(UserFacingException.class);

        RecordingEditor chair = open("chair-ict");
        var chairJoined = relay.join(documentId, chair);
        assertThat(chairJoined.suggestOnly()).isFalse();
        type("chair edits ");
        assertThat(documents.markedUp(documentId).text()).contains("chair edits");

        workflow.take(documentId, WorkflowStep.APPROVE, null);
        assertThat(relay.join(documentId, chair).editable()).isFalse();
        assertThatThrownBy(() -> type("after approval")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("document.refused.closed");
        assertThat(documents.open(documentId).editable()).isFalse();
        signIn.as("secretariat");
        RecordingEditor secretariat = open("secretariat");
        relay.join(documentId, secretariat);
        assertThatThrownBy(() -> type("secretariat")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("document.refused.closed");
        assertThat(documents.markedUp(documentId).text()).doesNotContain("after approval").doesNotContain("secretariat");
    }

    @Test
    void a_new_draft_revision_of_an_approved_document_copies_its_text_and_links_back() {
        signIn.as("chair-ict");
        assertThatThrownBy(() -> workflow.startRevision(documentId)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("workflow.refused.revise-stage");
        workflow.take(documentId, WorkflowStep.SUBMIT_FOR_REVIEW, null);
        workflow.take(documentId, WorkflowStep.APPROVE, null);
        signIn.as("member-ict");
        assertThatThrownBy(() -> workflow.startRevision(documentId)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("workflow.refused.role");
        signIn.as("chair-ict");
        long copy = workflow.startRevision(documentId);
        assertThat(workflow.stageOf(copy)).isEqualTo(DocumentStage.DRAFT);
        assertThat(documents.markedUp(copy).text()).contains("Guideline text");
        assertThat(workflow.state(copy).revisionOf()).isEqualTo(documentId);
        assertThat(workflow.state(documentId).revisions()).containsExactly(copy);
        assertThat(workflow.stageOf(documentId)).isEqualTo(DocumentStage.APPROVED);
        documents.delete(copy);
    }

    @Test
    void consultation_is_entered_and_left_through_its_own_methods_and_others_cannot_read_the_stage() {
        signIn.as("member-ict");
        assertThatThrownBy(() -> workflow.enterConsultation(documentId)).isInstanceOf(UserFacingException.class);
        signIn.as("chair-ict");
        assertThatThrownBy(() -> workflow.leaveConsultation(documentId, WorkflowStep.END_CONSULTATION, null))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("workflow.refused.stage");
        workflow.enterConsultation(documentId);
        assertThat(workflow.stageOf(documentId)).isEqualTo(DocumentStage.CONSULTATION);
        assertThat(workflow.leaveConsultation(documentId, WorkflowStep.END_CONSULTATION, null))
                .isEqualTo(DocumentStage.INTERNAL_REVIEW);
        signIn.as("member-fam");
        assertThatThrownBy(() -> workflow.stageOf(documentId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workflow.state(documentId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workflow.take(documentId, WorkflowStep.APPROVE, null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
