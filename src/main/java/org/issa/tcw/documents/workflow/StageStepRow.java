package org.issa.tcw.documents.workflow;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step a document took: from where to where, who, when and why. */
public record StageStepRow(long id, DocumentStage from, DocumentStage to, @Nullable Long byPersonId,
        @Nullable String byName, @Nullable String reason, Instant at) {
}
