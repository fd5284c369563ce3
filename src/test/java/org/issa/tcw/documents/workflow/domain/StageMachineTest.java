package org.issa.tcw.documents.workflow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.documents.StageEditing;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.WorkflowStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workflow's state machine, exhaustively: every stage × every step × every role, against a
 * table written out here independently of the machine's own (issue 14: the chair or vice-chair
 * sends to review and consultation and approves, the secretariat publishes and may send back with
 * a reason; a step back needs a reason).
 */
class StageMachineTest {

    /** Who the test asks for: the global roles and each commission role, and a stranger. */
    enum Who { ADMIN, SECRETARIAT, CHAIR, VICE_CHAIR, MEMBER, OBSERVER, OTHER }

    /** step → the stages it leaves from, where it leads, who may take it, whether it needs a reason. */
    record Expected(Set<DocumentStage> from, DocumentStage to, Set<Who> who, boolean reason) {
    }

    private static final Set<Who> CHAIRS = EnumSet.of(Who.CHAIR, Who.VICE_CHAIR);
    private static final Set<Who> CHAIRS_AND_SECRETARIAT = EnumSet.of(Who.CHAIR, Who.VICE_CHAIR, Who.SECRETARIAT);

    private static final Map<WorkflowStep, Expected> TABLE = Map.of(
            WorkflowStep.SUBMIT_FOR_REVIEW, new Expected(EnumSet.of(DocumentStage.DRAFT),
                    DocumentStage.INTERNAL_REVIEW, CHAIRS, false),
            WorkflowStep.SEND_TO_CONSULTATION, new Expected(EnumSet.of(DocumentStage.DRAFT,
                    DocumentStage.INTERNAL_REVIEW), DocumentStage.CONSULTATION, CHAIRS, false),
            WorkflowStep.END_CONSULTATION, new Expected(EnumSet.of(DocumentStage.CONSULTATION),
                    DocumentStage.INTERNAL_REVIEW, CHAIRS, false),
            WorkflowStep.APPROVE, new Expected(EnumSet.of(DocumentStage.INTERNAL_REVIEW, DocumentStage.CONSULTATION),
                    DocumentStage.APPROVED, CHAIRS, false),
            WorkflowStep.PUBLISH, new Expected(EnumSet.of(DocumentStage.APPROVED), DocumentStage.PUBLISHED,
                    EnumSet.of(Who.SECRETARIAT), false),
            WorkflowStep.SEND_BACK, new Expected(EnumSet.of(DocumentStage.INTERNAL_REVIEW, DocumentStage.CONSULTATION,
                    DocumentStage.APPROVED, DocumentStage.WITHDRAWN), DocumentStage.DRAFT, CHAIRS_AND_SECRETARIAT, true),
            WorkflowStep.WITHDRAW, new Expected(EnumSet.of(DocumentStage.DRAFT, DocumentStage.INTERNAL_REVIEW,
                    DocumentStage.CONSULTATION, DocumentStage.APPROVED, DocumentStage.PUBLISHED),
                    DocumentStage.WITHDRAWN, CHAIRS_AND_SECRETARIAT, true));

    /** What the permission table lets each of them do (the real table, as CommissionAccess reads it). */
    static Predicate<CommissionAction> may(Who who) {
        return switch (who) {
            case ADMIN -> CommissionAction::allowsAdmin;
            case SECRETARIAT -> CommissionAction::allowsSecretariat;
            case CHAIR -> a -> a.allows(CommissionRole.CHAIR);
            case VICE_CHAIR -> a -> a.allows(CommissionRole.VICE_CHAIR);
            case MEMBER -> a -> a.allows(CommissionRole.MEMBER);
            case OBSERVER -> a -> a.allows(CommissionRole.OBSERVER);
            case OTHER -> a -> false;
        };
    }

    static List<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (DocumentStage stage : DocumentStage.values()) {
            for (WorkflowStep step : WorkflowStep.values()) {
                for (Who who : Who.values()) {
                    cases.add(Arguments.of(stage, step, who));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @MethodSource("everyCase")
    void every_stage_step_and_role(DocumentStage stage, WorkflowStep step, Who who) {
        Expected expected = TABLE.get(step);
        boolean allowed = expected.from().contains(stage) && expected.who().contains(who);
        assertThat(StageMachine.allows(stage, step, may(who))).isEqualTo(allowed);
        if (allowed) {
            assertThat(StageMachine.next(stage, step, may(who), "because")).isEqualTo(expected.to());
            if (expected.reason()) {
                assertThatThrownBy(() -> StageMachine.next(stage, step, may(who), "  "))
                        .isInstanceOf(UserFacingException.class).hasMessageContaining("workflow.reason.required");
            } else {
                assertThat(StageMachine.next(stage, step, may(who), null)).isEqualTo(expected.to());
            }
        } else {
            String key = expected.from().contains(stage) ? "workflow.refused.role" : "workflow.refused.stage";
            assertThatThrownBy(() -> StageMachine.next(stage, step, may(who), "because"))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining(key);
        }
    }

    @Test
    void the_table_covers_every_step() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrder(WorkflowStep.values());
    }

    @Test
    void a_reason_longer_than_the_limit_is_refused() {
        String longReason = "x".repeat(StageMachine.REASON_MAX + 1);
        assertThatThrownBy(() -> StageMachine.next(DocumentStage.APPROVED, WorkflowStep.SEND_BACK,
                may(Who.SECRETARIAT), longReason)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("workflow.reason.too-long");
    }

    @Test
    void drafts_are_open_review_and_consultation_let_reviewers_edit_the_rest_is_closed() {
        assertThat(StageMachine.editing(DocumentStage.DRAFT)).isEqualTo(StageEditing.Mode.OPEN);
        assertThat(StageMachine.editing(DocumentStage.INTERNAL_REVIEW)).isEqualTo(StageEditing.Mode.REVIEWERS_EDIT);
        assertThat(StageMachine.editing(DocumentStage.CONSULTATION)).isEqualTo(StageEditing.Mode.REVIEWERS_EDIT);
        assertThat(StageMachine.editing(DocumentStage.APPROVED)).isEqualTo(StageEditing.Mode.CLOSED);
        assertThat(StageMachine.editing(DocumentStage.PUBLISHED)).isEqualTo(StageEditing.Mode.CLOSED);
        assertThat(StageMachine.editing(DocumentStage.WITHDRAWN)).isEqualTo(StageEditing.Mode.CLOSED);
    }
}
