package org.issa.tcw.programme;

import java.time.LocalDate;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.jspecify.annotations.Nullable;

/**
 * What a form sends to add or change a milestone ({@code id} null adds one). {@code completesOn}:
 * the stage of the linked document that completes the milestone by itself, approved or published
 * (null: unchanged; approved for a new milestone).
 */
public record MilestoneDraft(@Nullable Long id, long projectId, long version, @Nullable String title,
        @Nullable LocalDate dueDate, @Nullable Long ownerPersonId, @Nullable Long eventId, @Nullable Long documentId,
        @Nullable DocumentStage completesOn) {

    /** A draft that leaves the stage completing the milestone as it is. */
    public MilestoneDraft(@Nullable Long id, long projectId, long version, @Nullable String title,
            @Nullable LocalDate dueDate, @Nullable Long ownerPersonId, @Nullable Long eventId,
            @Nullable Long documentId) {
        this(id, projectId, version, title, dueDate, ownerPersonId, eventId, documentId, null);
    }
}
