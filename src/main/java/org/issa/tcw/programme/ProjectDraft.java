package org.issa.tcw.programme;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a form sends to create or change a project. {@code id} null creates one; {@code version}
 * is the version the form saw (optimistic locking).
 */
public record ProjectDraft(@Nullable Long id, long version, @Nullable Long priorityId, @Nullable String title,
        @Nullable String description, @Nullable ProjectType type, @Nullable Long leadPersonId,
        Set<Long> contributorIds, Set<Long> participatingCommissionIds, @Nullable LocalDate startDate,
        @Nullable LocalDate endDate) {
}
