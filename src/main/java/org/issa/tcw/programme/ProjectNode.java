package org.issa.tcw.programme;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A project in the programme tree and on the timeline, with its milestones. */
public record ProjectNode(long id, long commissionId, String commissionCode, long priorityId, String title,
        ProjectType type, @Nullable String leadName, LocalDate startDate, LocalDate endDate,
        @Nullable LocalDate baselineStart, @Nullable LocalDate baselineEnd, ProjectStatus status,
        @Nullable String statusNote, @Nullable LocalDate statusDate, boolean crossCommission, boolean mayUpdate,
        @Nullable Long carriedFromId, List<MilestoneRow> milestones) {

    public boolean movedFromBaseline() {
        return baselineStart != null && (!baselineStart.equals(startDate) || !endDate.equals(baselineEnd));
    }
}
