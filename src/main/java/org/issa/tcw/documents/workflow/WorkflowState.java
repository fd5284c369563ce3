package org.issa.tcw.documents.workflow;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A document's workflow as its page shows it: the stage, the steps the signed-in person may take
 * now (and which of them need a reason), the steps taken (newest first), the document it is a new
 * revision of and the revisions started from it.
 */
public record WorkflowState(long documentId, DocumentStage stage, Set<WorkflowStep> steps,
        Set<WorkflowStep> needReason, boolean mayRevise, List<StageStepRow> history, @Nullable Long revisionOf,
        List<Long> revisions) {
}
