package org.issa.tcw.programme;

import java.time.LocalDate;

/**
 * Events the programme publishes for other features (notifications, search ...). Records, so
 * listeners depend on nothing else of this feature.
 */
public final class ProgrammeEvents {

    private ProgrammeEvents() {
    }

    public record MilestoneCompleted(long milestoneId, long projectId, long commissionId, String title,
            LocalDate doneDate) {
    }

    public record MilestoneOverdue(long milestoneId, long projectId, long commissionId, String title,
            LocalDate dueDate) {
    }

    public record MilestoneDueSoon(long milestoneId, long projectId, long commissionId, String title,
            LocalDate dueDate) {
    }

    public record ProgrammeSubmitted(long programmeId, long commissionId, long trienniumId, String submittedBy) {
    }

    public record ProgrammeApproved(long programmeId, long commissionId, long trienniumId, String approvedBy) {
    }

    public record ProgrammeReturned(long programmeId, long commissionId, long trienniumId, String returnedBy,
            String comment) {
    }
}
