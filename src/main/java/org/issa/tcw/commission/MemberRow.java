package org.issa.tcw.commission;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A person's membership in a commission, as lists show it. */
public record MemberRow(long membershipId, long personId, String displayName, @Nullable String institutionName,
        @Nullable String countryCode, CommissionRole role, String status, LocalDate startDate,
        @Nullable LocalDate endDate, long version) {

    public boolean isProposed() {
        return "PROPOSED".equals(status);
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
