package org.issa.tcw.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background work, off every request thread: compose (every 30 s) and send (every 5 s).
 * {@code tcw.mail.jobs.enabled=false} turns both off (tests run them by hand). Safe to run on
 * several nodes at once (rows are claimed with {@code SKIP LOCKED}).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "tcw.mail.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MailJobs {

    private final MailComposer composer;
    private final OutboxSender sender;

    MailJobs(MailComposer composer, OutboxSender sender) {
        this.composer = composer;
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${tcw.mail.compose-every:30s}", initialDelayString = "10s")
    void compose() {
        composer.composeDue();
    }

    @Scheduled(fixedDelayString = "${tcw.mail.send-every:5s}", initialDelayString = "15s")
    void send() {
        sender.sendDue();
    }
}
