package org.issa.tcw.documents.versions;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The automatic versions (docs/adr/026): every hour, a version of each document changed since its
 * newest version when that is older than today (UTC), so a document gets at least one version per
 * day it changed; and a version whenever another feature asks for one ({@link KeepVersionRequested}).
 */
@Component
class AutomaticVersions {

    private static final Logger logger = LoggerFactory.getLogger(AutomaticVersions.class);

    private final DocumentVersions versions;

    AutomaticVersions(DocumentVersions versions) {
        this.versions = versions;
    }

    @Scheduled(cron = "${tcw.documents.versions.daily-cron:0 7 * * * *}", zone = "UTC")
    @SchedulerLock(name = "documents.daily-versions", lockAtMostFor = "PT30M")
    void hourly() {
        int kept = versions.keepDaily();
        if (kept > 0) {
            logger.info("Kept {} daily document versions", kept);
        }
    }

    /**
     * After the requesting transaction committed: in a transaction of its own (one joined to the
     * finished transaction would never commit the version).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    void on(KeepVersionRequested request) {
        versions.keep(request.documentId(), request.reason());
    }
}
