package org.issa.tcw.documents.workflow;

/**
 * A veto another feature puts on a step (e.g. consultations: no approval while a round is still
 * open). Every bean of this type is asked, inside the step's transaction, after the state machine
 * allowed the step; it refuses by throwing a {@code UserFacingException} (nothing is changed).
 */
public interface StageGuard {

    void check(long documentId, DocumentStage from, DocumentStage to);
}
