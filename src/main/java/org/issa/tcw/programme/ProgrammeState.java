package org.issa.tcw.programme;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where a commission's programme stands in the approval workflow (DRAFT with no id before anything happened). */
public record ProgrammeState(@Nullable Long id, ProgrammeStatus status, @Nullable Instant submittedAt,
        @Nullable String submittedBy, @Nullable Instant decidedAt, @Nullable String decidedBy,
        @Nullable String returnComment, @Nullable Instant baselineAt, long version) {
}
