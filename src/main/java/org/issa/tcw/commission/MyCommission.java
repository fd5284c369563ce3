package org.issa.tcw.commission;

import org.jspecify.annotations.Nullable;

/** A dashboard card: a commission, my role in it (none for the secretariat), its chair and size. */
public record MyCommission(long id, String code, String name, @Nullable CommissionRole myRole,
        @Nullable String chairName, long memberCount) {
}
