package org.issa.tcw.programme;

import org.jspecify.annotations.Nullable;

/** The secretariat dashboard's filters; null means any. */
public record DashboardFilter(@Nullable Long commissionId, @Nullable Long priorityId, @Nullable ProjectStatus status) {

    public static DashboardFilter none() {
        return new DashboardFilter(null, null, null);
    }
}
