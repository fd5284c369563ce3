package org.issa.tcw.programme;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.issa.tcw.programme.ProgrammeEvents.MilestoneDueSoon;
import org.issa.tcw.programme.ProgrammeEvents.MilestoneOverdue;
import org.issa.tcw.programme.domain.Milestone;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every morning, tells the rest of the application which milestones became overdue and which
 * fall due within {@link #DUE_SOON_DAYS} days — once per milestone (a new due date re-arms it).
 */
@Service
public class MilestoneWatch {

    public static final int DUE_SOON_DAYS = 14;

    private final MilestoneRepository milestones;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ConsultationRisk consultationRisk;

    MilestoneWatch(MilestoneRepository milestones, ApplicationEventPublisher publisher, Clock clock,
            ConsultationRisk consultationRisk) {
        this.milestones = milestones;
        this.publisher = publisher;
        this.clock = clock;
        this.consultationRisk = consultationRisk;
    }

    @Scheduled(cron = "${tcw.programme.watch-cron:0 0 6 * * *}")
    @SchedulerLock(name = "programme.milestone-watch", lockAtMostFor = "PT30M")
    void daily() {
        check();
    }

    /**
     * Publishes {@link MilestoneOverdue} and {@link MilestoneDueSoon} for milestones not announced
     * yet, and brings every milestone's "at risk" mark for a late consultation up to date (ADR 065).
     *
     * @return how many events were published
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public int check() {
        LocalDate today = LocalDate.now(clock);
        int published = 0;
        // Flags are set by bulk updates, which leave the milestones' versions alone: a person
        // editing a milestone at 6 am gets no conflict because of this job.
        java.util.List<Long> overdue = new java.util.ArrayList<>();
        java.util.List<Long> dueSoon = new java.util.ArrayList<>();
        for (Milestone m : milestones.newlyOverdue(today)) {
            overdue.add(m.getId());
            publisher.publishEvent(new MilestoneOverdue(m.getId(), m.getProject().getId(),
                    m.getProject().getCommissionId(), m.getTitle(), m.getDueDate()));
            published++;
        }
        for (Milestone m : milestones.newlyDueSoon(today, today.plusDays(DUE_SOON_DAYS))) {
            dueSoon.add(m.getId());
            publisher.publishEvent(new MilestoneDueSoon(m.getId(), m.getProject().getId(),
                    m.getProject().getCommissionId(), m.getTitle(), m.getDueDate()));
            published++;
        }
        if (!overdue.isEmpty()) {
            milestones.markOverdueNotified(overdue);
        }
        if (!dueSoon.isEmpty()) {
            milestones.markDueSoonNotified(dueSoon);
        }
        consultationRisk.reconcile();
        return published;
    }

    /** Turns on Spring's scheduler for the daily check. */
    @Configuration
    @EnableScheduling
    static class Scheduling {
    }
}
