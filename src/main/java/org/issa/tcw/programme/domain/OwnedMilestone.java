package org.issa.tcw.programme.domain;

import java.time.LocalDate;

/** An open milestone with its project, as the owner's home page lists it (one statement). */
public record OwnedMilestone(long id, long projectId, String projectTitle, long commissionId, String title,
        LocalDate dueDate) {
}
