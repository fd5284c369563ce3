package org.issa.tcw.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A project's page: details, milestones, status history and what the signed-in user may do. */
public record ProjectDetails(long id, long commissionId, String commissionCode, String commissionName,
        TrienniumRow triennium, PriorityRow priority, String title, @Nullable String description, ProjectType type,
        @Nullable Long leadPersonId, @Nullable String leadName, Set<Long> contributorIds,
        List<String> contributorNames, Set<Long> participatingCommissionIds, List<String> participatingCodes,
        LocalDate startDate, LocalDate endDate, @Nullable LocalDate baselineStart, @Nullable LocalDate baselineEnd,
        ProjectStatus status, @Nullable String statusNote, @Nullable LocalDate statusDate,
        @Nullable Long carriedFromId, @Nullable Long carriedToId, long version, boolean mayEditAll,
        boolean mayUpdate, boolean mayCarryOver, List<MilestoneRow> milestones, List<StatusChangeRow> statusHistory,
        List<EventRow> events, Map<Long, String> people) {
}
