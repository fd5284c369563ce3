package org.issa.tcw.documents.workflow;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published in the transaction that moves a document to another stage; listeners that act on it
 * (milestones, notifications) run after that transaction commits.
 */
public record DocumentStageChanged(
        long documentId,
        long commissionId,
        DocumentStage from,
        DocumentStage to,
        long byPersonId,
        @Nullable String reason,
        Instant at) {
}
