package org.issa.tcw.programme;

import java.util.List;

/**
 * Every commission's progress in the active triennium, how many milestones are overdue and due
 * soon (the lists themselves are read page by page through
 * {@link SecretariatService#dueMilestones}), and the programmes awaiting approval.
 */
public record SecretariatDashboard(TrienniumRow triennium, List<CommissionProgress> commissions,
        long overdueCount, long dueSoonCount, List<AwaitingApproval> awaitingApproval,
        List<PriorityRow> priorities, int dueSoonDays) {
}
