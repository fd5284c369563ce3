package org.issa.tcw.programme;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An open milestone on the secretariat dashboard (overdue or due soon), with its project and commission. */
public record DueMilestone(long milestoneId, long projectId, String projectTitle, String commissionCode,
        String title, LocalDate dueDate, @Nullable String ownerName) {
}
