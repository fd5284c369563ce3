package org.issa.tcw.home;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.MyCommission;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.issa.tcw.home.Home.CommissionSignal;
import org.issa.tcw.home.Home.SecretariatSignals;
import org.issa.tcw.notification.NotificationKind;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.programme.CommissionProgress;
import org.issa.tcw.programme.DashboardFilter;
import org.issa.tcw.programme.ProgrammeHome;
import org.issa.tcw.programme.SecretariatService;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home page's one read: each block comes from the feature that owns it, through that
 * feature's service (which checks its own rights), each in a fixed number of statements and
 * capped at {@link #LIMIT} lines, so the page costs the same however much data there is. All in
 * one read-only transaction (one connection).
 */
@Service
@Transactional(readOnly = true)
public class HomeService {

    /** At most this many lines per block; each block links to the full list. */
    public static final int LIMIT = 5;
    /** Milestones due within this many days are listed (overdue ones always). */
    public static final int MILESTONE_DAYS = 30;

    private static final Set<NotificationKind> MENTIONS_AND_REPLIES = EnumSet.of(NotificationKind.MENTION,
            NotificationKind.REPLY);
    private static final Set<CommissionRole> CHAIRS = EnumSet.of(CommissionRole.CHAIR, CommissionRole.VICE_CHAIR);

    private final CurrentUser currentUser;
    private final CommissionService commissions;
    private final NotificationService notifications;
    private final DiscussionService discussions;
    private final DocumentWorkflow documents;
    private final ConsultationService consultations;
    private final ProgrammeHome programme;
    private final SecretariatService secretariat;

    HomeService(CurrentUser currentUser, CommissionService commissions, NotificationService notifications,
            DiscussionService discussions, DocumentWorkflow documents, ConsultationService consultations,
            ProgrammeHome programme, SecretariatService secretariat) {
        this.currentUser = currentUser;
        this.commissions = commissions;
        this.notifications = notifications;
        this.discussions = discussions;
        this.documents = documents;
        this.consultations = consultations;
        this.programme = programme;
        this.secretariat = secretariat;
    }

    /** What needs the signed-in person; only their own work and what their commissions let them read. */
    @PreAuthorize("isAuthenticated()")
    public Home home() {
        SignedInUser user = currentUser.require();
        List<MyCommission> mine = commissions.myCommissions();
        Set<Long> chaired = mine.stream().filter(c -> c.myRole() != null && CHAIRS.contains(c.myRole()))
                .map(MyCommission::id).collect(Collectors.toUnmodifiableSet());
        return new Home(mine,
                notifications.unreadOf(MENTIONS_AND_REPLIES, LIMIT),
                discussions.unreadThreads(LIMIT),
                documents.toAttend(LIMIT),
                programme.myMilestones(MILESTONE_DAYS, LIMIT),
                consultations.awaitingMyInput(LIMIT),
                programme.upcomingEvents(LIMIT),
                chaired.isEmpty() ? List.of() : programme.needingAttention(chaired, LIMIT),
                user.isStaff() ? signals() : null,
                !chaired.isEmpty());
    }

    private @Nullable SecretariatSignals signals() {
        return secretariat.dashboard(DashboardFilter.none()).map(d -> new SecretariatSignals(d.overdueCount(),
                d.dueSoonCount(), d.dueSoonDays(), d.awaitingApproval().size(),
                d.commissions().stream().filter(c -> c.milestonesOverdue() > 0)
                        .sorted((a, b) -> Long.compare(b.milestonesOverdue(), a.milestonesOverdue())).limit(LIMIT)
                        .map(HomeService::signal).toList())).orElse(null);
    }

    private static CommissionSignal signal(CommissionProgress c) {
        return new CommissionSignal(c.code(), c.name(), c.milestonesOverdue());
    }
}
