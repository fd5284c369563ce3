package org.issa.tcw.documents.workflow.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.WorkflowStep;
import org.jspecify.annotations.Nullable;

/**
 * The workflow of a document as data: for each step, the stages it leaves from, the stage it leads
 * to, the permission (a row of the permission table) it needs and whether it needs a reason. Pure:
 * the caller says what the person may do, the machine answers where the document goes or refuses
 * with a translated reason. docs/adr/060-document-workflow.md.
 */
public final class StageMachine {

    /** Longest reason kept with a step. */
    public static final int REASON_MAX = 2000;

    /** One row of the table. */
    public record Rule(Set<DocumentStage> from, DocumentStage to, CommissionAction needs, boolean reasonRequired) {
    }

    private static final Map<WorkflowStep, Rule> RULES = Map.of(
            WorkflowStep.SUBMIT_FOR_REVIEW, new Rule(EnumSet.of(DocumentStage.DRAFT), DocumentStage.INTERNAL_REVIEW,
                    CommissionAction.SUBMIT_DOCUMENT, false),
            WorkflowStep.SEND_TO_CONSULTATION, new Rule(EnumSet.of(DocumentStage.DRAFT, DocumentStage.INTERNAL_REVIEW),
                    DocumentStage.CONSULTATION, CommissionAction.SUBMIT_DOCUMENT, false),
            WorkflowStep.END_CONSULTATION, new Rule(EnumSet.of(DocumentStage.CONSULTATION),
                    DocumentStage.INTERNAL_REVIEW, CommissionAction.SUBMIT_DOCUMENT, false),
            WorkflowStep.APPROVE, new Rule(EnumSet.of(DocumentStage.INTERNAL_REVIEW, DocumentStage.CONSULTATION),
                    DocumentStage.APPROVED, CommissionAction.APPROVE_DOCUMENT, false),
            WorkflowStep.PUBLISH, new Rule(EnumSet.of(DocumentStage.APPROVED), DocumentStage.PUBLISHED,
                    CommissionAction.PUBLISH_DOCUMENT, false),
            WorkflowStep.SEND_BACK, new Rule(EnumSet.of(DocumentStage.INTERNAL_REVIEW, DocumentStage.CONSULTATION,
                    DocumentStage.APPROVED, DocumentStage.WITHDRAWN), DocumentStage.DRAFT,
                    CommissionAction.RETURN_DOCUMENT, true),
            WorkflowStep.WITHDRAW, new Rule(EnumSet.complementOf(EnumSet.of(DocumentStage.WITHDRAWN)),
                    DocumentStage.WITHDRAWN, CommissionAction.WITHDRAW_DOCUMENT, true));

    private StageMachine() {
    }

    /** The rule of a step. */
    public static Rule rule(WorkflowStep step) {
        return java.util.Objects.requireNonNull(RULES.get(step));
    }

    /** Whether the step can be taken from this stage by someone who may do what {@code may} says. */
    public static boolean allows(DocumentStage from, WorkflowStep step, Predicate<CommissionAction> may) {
        Rule rule = rule(step);
        return rule.from().contains(from) && may.test(rule.needs());
    }

    /**
     * Where the step leads from {@code from}.
     *
     * @return the stage the document moves to
     * @throws UserFacingException {@code workflow.refused.stage} if the step does not leave from that
     *                             stage, {@code workflow.refused.role} if the person may not take it,
     *                             {@code workflow.reason.required} / {@code workflow.reason.too-long}
     */
    public static DocumentStage next(DocumentStage from, WorkflowStep step, Predicate<CommissionAction> may,
            @Nullable String reason) {
        Rule rule = rule(step);
        if (!rule.from().contains(from)) {
            throw new UserFacingException("workflow.refused.stage");
        }
        if (!may.test(rule.needs())) {
            throw new UserFacingException("workflow.refused.role");
        }
        String r = reason == null ? "" : reason.strip();
        if (rule.reasonRequired() && r.isEmpty()) {
            throw new UserFacingException("workflow.reason.required");
        }
        if (r.length() > REASON_MAX) {
            throw new UserFacingException("workflow.reason.too-long", REASON_MAX);
        }
        return rule.to();
    }

    /** How people may change the text at a stage (see {@code documents.StageEditing}). */
    public static org.issa.tcw.documents.StageEditing.Mode editing(DocumentStage stage) {
        return switch (stage) {
            case DRAFT -> org.issa.tcw.documents.StageEditing.Mode.OPEN;
            case INTERNAL_REVIEW, CONSULTATION -> org.issa.tcw.documents.StageEditing.Mode.REVIEWERS_EDIT;
            case APPROVED, PUBLISHED, WITHDRAWN -> org.issa.tcw.documents.StageEditing.Mode.CLOSED;
        };
    }
}
