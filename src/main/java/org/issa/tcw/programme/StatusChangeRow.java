package org.issa.tcw.programme;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One line of a project's status history. */
public record StatusChangeRow(ProjectStatus status, @Nullable String note, LocalDate statusDate, Instant changedAt,
        String changedBy) {
}
