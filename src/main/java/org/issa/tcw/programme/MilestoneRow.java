package org.issa.tcw.programme;

import java.time.LocalDate;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.jspecify.annotations.Nullable;

/**
 * A milestone as screens show it. {@code baselineDue} is the due date of the approved plan (null
 * before the first approval), so screens can show plan vs now. A milestone linked to a document
 * follows it (X1): {@code completesOn} is the document's stage that completes it,
 * {@code doneByDocument} whether that step completed it, {@code documentStage} the document's
 * stage now (null when there is none or the reader may not read it; lists other than the project
 * page leave it out), {@code consultationLate} whether the document's consultation is past its
 * deadline without the chair ending it, which makes an open milestone "at risk" (ADR 065).
 */
public record MilestoneRow(long id, long projectId, String title, LocalDate dueDate, @Nullable LocalDate baselineDue,
        @Nullable LocalDate doneDate, boolean cancelled, @Nullable Long ownerPersonId, @Nullable String ownerName,
        @Nullable Long eventId, @Nullable String eventTitle, @Nullable Long documentId, long version,
        DocumentStage completesOn, boolean doneByDocument, @Nullable DocumentStage documentStage,
        boolean consultationLate) {

    /** A row without the document's workflow (lists that do not show it). */
    public MilestoneRow(long id, long projectId, String title, LocalDate dueDate, @Nullable LocalDate baselineDue,
            @Nullable LocalDate doneDate, boolean cancelled, @Nullable Long ownerPersonId, @Nullable String ownerName,
            @Nullable Long eventId, @Nullable String eventTitle, @Nullable Long documentId, long version) {
        this(id, projectId, title, dueDate, baselineDue, doneDate, cancelled, ownerPersonId, ownerName, eventId,
                eventTitle, documentId, version, DocumentStage.APPROVED, false, null, false);
    }

    public boolean done() {
        return doneDate != null;
    }

    public boolean overdue(LocalDate today) {
        return !cancelled && doneDate == null && dueDate.isBefore(today);
    }

    public boolean dueWithin(LocalDate today, int days) {
        return !cancelled && doneDate == null && !dueDate.isBefore(today) && !dueDate.isAfter(today.plusDays(days));
    }

    /**
     * Where the milestone stands on {@code today}: cancelled and done first, then overdue, at risk
     * (its document's consultation is late), due soon, open.
     */
    public MilestoneState state(LocalDate today) {
        return cancelled ? MilestoneState.CANCELLED : done() ? MilestoneState.DONE : overdue(today)
                ? MilestoneState.OVERDUE : consultationLate ? MilestoneState.AT_RISK
                : dueWithin(today, MilestoneState.DUE_SOON_DAYS) ? MilestoneState.DUE_SOON : MilestoneState.OPEN;
    }

    /** Whether the due date moved since the approved plan. */
    public boolean movedFromBaseline() {
        return baselineDue != null && !baselineDue.equals(dueDate);
    }
}
