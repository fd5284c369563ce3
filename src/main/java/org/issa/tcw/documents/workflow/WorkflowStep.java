package org.issa.tcw.documents.workflow;

import java.util.Locale;

/**
 * What a person does to move a document between stages; the translation key of each is
 * {@code workflow.step.<key>}. Which stages a step leaves from, where it leads, who may take it and
 * whether it needs a reason is the state machine's ({@code domain.StageMachine}).
 */
public enum WorkflowStep {
    /** Draft to internal review. */
    SUBMIT_FOR_REVIEW,
    /** Draft or internal review to consultation (when a consultation round is opened). */
    SEND_TO_CONSULTATION,
    /** Consultation back to internal review (the round is over, its input is worked in). */
    END_CONSULTATION,
    /** Internal review or consultation to approved. */
    APPROVE,
    /** Approved to published. */
    PUBLISH,
    /** Back to draft from internal review, consultation, approved or withdrawn; needs a reason. */
    SEND_BACK,
    /** Any stage but withdrawn to withdrawn; needs a reason. */
    WITHDRAW;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
