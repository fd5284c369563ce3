package org.issa.tcw.documents.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.issa.tcw.documents.workflow.WorkflowStep;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The stepper at the top of a document, per role: the steps offered, the reason dialog, the stage shown. */
class WorkflowStepperTest extends KaribuTest {

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentWorkflow workflow;

    long document() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Stepper test " + System.nanoTime());
        return documents.create("ICT", form);
    }

    static final List<String> STEPS = List.of("submit-for-review", "send-to-consultation", "end-consultation",
            "approve", "publish", "send-back", "withdraw");

    List<String> offered() {
        return STEPS.stream().filter(s -> !_find(Button.class, spec -> spec.withId("workflow-" + s)).isEmpty()).toList();
    }

    String current() {
        return _find(Span.class).stream().filter(s -> "step".equals(s.getElement().getAttribute("aria-current")))
                .map(Span::getText).findFirst().orElseThrow();
    }

    @Test
    void members_and_observers_see_the_stage_but_no_steps_the_chair_sends_to_review() {
        long id = document();
        for (String user : List.of("member-ict", "observer-ict")) {
            signInAs(user);
            navigate("documents/" + id);
            assertThat(current()).isEqualTo("Draft");
            assertThat(offered()).isEmpty();
        }
        signInAs("chair-ict");
        navigate("documents/" + id);
        assertThat(offered()).containsExactly("submit-for-review", "send-to-consultation", "withdraw");
        _click(_get(Button.class, spec -> spec.withId("workflow-submit-for-review")));
        assertThat(workflow.stageOf(id)).isEqualTo(DocumentStage.INTERNAL_REVIEW);
        assertThat(current()).isEqualTo("Internal review");
        assertThat(offered()).containsExactly("send-to-consultation", "approve", "send-back", "withdraw");
    }

    @Test
    void a_step_back_asks_for_a_reason_and_refuses_without_one() {
        long id = document();
        workflow.take(id, WorkflowStep.SUBMIT_FOR_REVIEW, null);
        signInAs("secretariat");
        navigate("documents/" + id);
        assertThat(offered()).containsExactly("send-back", "withdraw");
        _click(_get(Button.class, spec -> spec.withId("workflow-send-back")));
        _click(_get(Button.class, spec -> spec.withId("workflow-confirm")));
        assertThat(workflow.stageOf(id)).isEqualTo(DocumentStage.INTERNAL_REVIEW);
        _setValue(_get(TextArea.class, spec -> spec.withId("workflow-reason")), "The annex is missing");
        _click(_get(Button.class, spec -> spec.withId("workflow-confirm")));
        assertThat(workflow.stageOf(id)).isEqualTo(DocumentStage.DRAFT);
        assertThat(current()).isEqualTo("Draft");
    }

    @Test
    void the_secretariat_publishes_an_approved_document_which_is_then_read_only_with_a_new_revision_offered() {
        long id = document();
        workflow.take(id, WorkflowStep.SUBMIT_FOR_REVIEW, null);
        workflow.take(id, WorkflowStep.APPROVE, null);
        signInAs("chair-ict");
        navigate("documents/" + id);
        assertThat(offered()).containsExactly("send-back", "withdraw");
        assertThat(_find(Paragraph.class, spec -> spec.withId("workflow-closed-note"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("workflow-revise"))).hasSize(1);
        signInAs("member-ict");
        navigate("documents/" + id);
        assertThat(_find(Button.class, spec -> spec.withId("workflow-revise"))).isEmpty();
        signInAs("secretariat");
        navigate("documents/" + id);
        assertThat(offered()).containsExactly("publish", "send-back", "withdraw");
        _click(_get(Button.class, spec -> spec.withId("workflow-publish")));
        assertThat(current()).isEqualTo("Published");
        assertThat(workflow.stageOf(id)).isEqualTo(DocumentStage.PUBLISHED);
    }
}
