package org.issa.tcw.mail;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background work, off every request thread: compose (every 30 s), send (every 5 s), read
 * replies by e-mail (every 30 s, when on), the secretariat's weekly overview.
 * {@code tcw.mail.jobs.enabled=false} turns both off (tests run them by hand). Safe to run on
 * several nodes at once (rows are claimed with {@code SKIP LOCKED}).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "tcw.mail.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MailJobs {

    private final MailComposer composer;
    private final OutboxSender sender;
    private final MailItems items;
    private final ReplyPoller replies;
    private final WeeklyOverview overview;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final java.time.Clock clock;

    MailJobs(MailComposer composer, OutboxSender sender, MailItems items, ReplyPoller replies, WeeklyOverview overview,
            org.springframework.transaction.support.TransactionTemplate tx, java.time.Clock clock) {
        this.composer = composer;
        this.sender = sender;
        this.items = items;
        this.replies = replies;
        this.overview = overview;
        this.tx = tx;
        this.clock = clock;
    }

    /** Milestones due in 3 days (the programme's own watch announces 14 days before and overdue). */
    @Scheduled(cron = "${tcw.mail.reminder-cron:0 5 6 * * *}", zone = "UTC")
    @SchedulerLock(name = "mail.reminders", lockAtMostFor = "PT30M")
    void reminders() {
        var today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        tx.executeWithoutResult(status -> items.threeDayReminders(today));
    }

    @Scheduled(fixedDelayString = "${tcw.mail.compose-every:30s}", initialDelayString = "10s")
    void compose() {
        composer.composeDue();
    }

    /** The secretariat's weekly overview (ADR 047): checked every 15 minutes, queued once a week. */
    @Scheduled(fixedDelayString = "${tcw.mail.overview-every:15m}", initialDelayString = "30s")
    @SchedulerLock(name = "mail.weekly-overview", lockAtMostFor = "PT10M")
    void overview() {
        overview.sendIfDue();
    }

    /** Replies by e-mail (ADR 046): nothing to do unless {@code tcw.mail.reply.enabled}. */
    @Scheduled(fixedDelayString = "${tcw.mail.reply.poll-every:30s}", initialDelayString = "20s")
    @SchedulerLock(name = "mail.replies", lockAtMostFor = "PT5M")
    void replies() {
        replies.poll();
    }

    @Scheduled(fixedDelayString = "${tcw.mail.send-every:5s}", initialDelayString = "15s")
    void send() {
        sender.sendDue();
    }
}
