package org.issa.tcw.programme;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A submitted programme waiting for the secretariat. */
public record AwaitingApproval(long programmeId, long commissionId, String commissionCode, String commissionName,
        @Nullable Instant submittedAt, @Nullable String submittedBy, long version) {
}
