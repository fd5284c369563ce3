package org.issa.tcw.programme;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A milestone as screens show it. {@code baselineDue} is the due date of the approved plan (null
 * before the first approval), so screens can show plan vs now.
 */
public record MilestoneRow(long id, long projectId, String title, LocalDate dueDate, @Nullable LocalDate baselineDue,
        @Nullable LocalDate doneDate, boolean cancelled, @Nullable Long ownerPersonId, @Nullable String ownerName,
        @Nullable Long eventId, @Nullable String eventTitle, @Nullable Long documentId, long version) {

    public boolean done() {
        return doneDate != null;
    }

    public boolean overdue(LocalDate today) {
        return !cancelled && doneDate == null && dueDate.isBefore(today);
    }

    public boolean dueWithin(LocalDate today, int days) {
        return !cancelled && doneDate == null && !dueDate.isBefore(today) && !dueDate.isAfter(today.plusDays(days));
    }

    /** Where the milestone stands on {@code today}: cancelled and done first, then overdue, due soon, open. */
    public MilestoneState state(LocalDate today) {
        return cancelled ? MilestoneState.CANCELLED : done() ? MilestoneState.DONE : overdue(today)
                ? MilestoneState.OVERDUE : dueWithin(today, MilestoneState.DUE_SOON_DAYS) ? MilestoneState.DUE_SOON
                : MilestoneState.OPEN;
    }

    /** Whether the due date moved since the approved plan. */
    public boolean movedFromBaseline() {
        return baselineDue != null && !baselineDue.equals(dueDate);
    }
}
