package org.issa.tcw.commission;

import org.jspecify.annotations.Nullable;

/** One line of the commissions grid. */
public record CommissionSummary(long id, String code, String name, @Nullable String chairName, long memberCount,
        boolean active) {
}
