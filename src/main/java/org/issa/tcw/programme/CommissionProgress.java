package org.issa.tcw.programme;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One commission's line on the secretariat dashboard. */
public record CommissionProgress(long commissionId, String code, String name, @Nullable ProgrammeStatus programmeStatus,
        Map<ProjectStatus, Long> projectsByStatus, long projects, long milestones, long milestonesDone,
        long milestonesOverdue, long milestonesDueSoon) {

    public long projects(ProjectStatus status) {
        return projectsByStatus.getOrDefault(status, 0L);
    }
}
