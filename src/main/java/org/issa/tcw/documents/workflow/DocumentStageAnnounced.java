package org.issa.tcw.documents.workflow;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Published with {@link DocumentStageChanged}, for notifications: the document's title, who moved
 * it, why, and the people to tell (the commission's active members, without the one who moved it).
 * In the step's transaction, so a notification is stored with the step or not at all.
 */
public record DocumentStageAnnounced(long documentId, String title, DocumentStage from, DocumentStage to,
        String actorName, @Nullable String reason, Set<Long> recipients) {
}
