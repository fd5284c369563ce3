package org.issa.tcw.programme;

import java.util.List;

/** Every commission's progress in the active triennium, what is overdue, due soon and awaiting approval. */
public record SecretariatDashboard(TrienniumRow triennium, List<CommissionProgress> commissions,
        List<DueMilestone> overdue, List<DueMilestone> dueSoon, List<AwaitingApproval> awaitingApproval,
        List<PriorityRow> priorities, int dueSoonDays) {
}
