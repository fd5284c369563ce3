package org.issa.tcw.programme.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A milestone's columns with its event's title, read in one statement for lists. */
public record MilestoneFacts(long id, long projectId, String title, LocalDate dueDate, @Nullable LocalDate baselineDue,
        @Nullable LocalDate doneDate, boolean cancelled, @Nullable Long ownerPersonId, @Nullable Long eventId,
        @Nullable String eventTitle, @Nullable Long documentId, long version, boolean consultationLate) {
}
