package org.issa.tcw.home;

import java.util.List;
import org.issa.tcw.commission.MyCommission;
import org.issa.tcw.discussion.ThreadRow;
import org.issa.tcw.documents.consultation.AwaitingRound;
import org.issa.tcw.documents.workflow.DocumentToAttend;
import org.issa.tcw.notification.NotificationRow;
import org.issa.tcw.programme.DueMilestone;
import org.issa.tcw.programme.EventRow;
import org.issa.tcw.programme.ProgrammeHome.ProgrammeAttention;
import org.jspecify.annotations.Nullable;

/**
 * Everything the home page shows for one person, each list capped at {@link HomeService#LIMIT}:
 * their commissions (the cards), unread mentions and replies, unread threads, documents they
 * edited or are asked to review, milestones they own that are overdue or due within
 * {@link HomeService#MILESTONE_DAYS} days, consultations awaiting their institution, the next
 * events; for chairs what needs attention in their programmes; for the secretariat the
 * cross-commission signals ({@code null} for everyone else).
 */
public record Home(List<MyCommission> commissions, List<NotificationRow> mentions, List<ThreadRow> unreadThreads,
        List<DocumentToAttend> documents, List<DueMilestone> milestones, List<AwaitingRound> consultations,
        List<EventRow> events, List<ProgrammeAttention> programme, @Nullable SecretariatSignals secretariat,
        boolean chair) {

    /** The secretariat's signals: milestones overdue and due soon everywhere, programmes awaiting approval. */
    public record SecretariatSignals(long overdue, long dueSoon, int dueSoonDays, long awaitingApproval,
            List<CommissionSignal> commissions) {
    }

    /** A commission with overdue milestones, for the secretariat. */
    public record CommissionSignal(String code, String name, long overdue) {
    }

    /** The code of a commission among mine (the secretariat has them all), or "" if it is not. */
    public String codeOf(long commissionId) {
        return commissions.stream().filter(c -> c.id() == commissionId).map(MyCommission::code).findFirst().orElse("");
    }
}
