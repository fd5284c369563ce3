package org.issa.tcw.programme;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a form sends to add or change a milestone ({@code id} null adds one). */
public record MilestoneDraft(@Nullable Long id, long projectId, long version, @Nullable String title,
        @Nullable LocalDate dueDate, @Nullable Long ownerPersonId, @Nullable Long eventId, @Nullable Long documentId) {
}
