package org.issa.tcw.documents.workflow;

import java.time.Instant;

/**
 * A document on the home page: one I edited, or one in internal review in a commission where I
 * review ({@code review}), with its stage.
 */
public record DocumentToAttend(long id, String title, long commissionId, DocumentStage stage, Instant updatedAt,
        boolean review) {
}
