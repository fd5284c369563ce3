package org.issa.tcw.documents.consultation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The poller that closes due rounds (every minute by default). Safe on several nodes: closing is
 * guarded in the database ({@link RoundCloser}). {@code tcw.consultation.jobs.enabled=false} turns
 * it off (the tests close rounds by hand).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "tcw.consultation.jobs.enabled", havingValue = "true", matchIfMissing = true)
class RoundJobs {

    private final RoundCloser closer;

    RoundJobs(RoundCloser closer) {
        this.closer = closer;
    }

    @Scheduled(fixedDelayString = "${tcw.consultation.close-every:60s}", initialDelayString = "20s")
    @SchedulerLock(name = "consultation.close-rounds", lockAtMostFor = "PT5M")
    void close() {
        closer.closeDue();
    }
}
