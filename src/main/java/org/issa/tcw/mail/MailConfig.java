package org.issa.tcw.mail;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The {@code tcw.mail.*} settings (README, "E-mail"). */
@Component
class MailConfig {

    static final String DEVELOPMENT_SECRET = "tcw-development-mail-secret-change-me";

    /** Sender address of every e-mail. */
    final String from;
    /** The application's address as recipients' browsers reach it, for links in e-mails. */
    final String baseUrl;
    /** Key of the signed unsubscribe links; set it in production (a new key voids old links). */
    final String secret;
    /** How long an immediate e-mail waits for more events of the same thread or object. */
    final Duration delay;
    /** Rows a sender claims at once. */
    final int batchSize;
    /** Attempts before an e-mail is marked failed (then only the retry button sends it). */
    final int maxAttempts;

    MailConfig(@Value("${tcw.mail.from:TC Workspace <no-reply@tcw.localhost>}") String from,
            @Value("${tcw.mail.base-url:http://localhost:8080}") String baseUrl,
            @Value("${tcw.mail.secret:tcw-development-mail-secret-change-me}") String secret,
            @Value("${tcw.mail.delay:5m}") Duration delay,
            @Value("${tcw.mail.batch-size:50}") int batchSize,
            @Value("${tcw.mail.max-attempts:20}") int maxAttempts, org.springframework.core.env.Environment env) {
        if (env.acceptsProfiles(org.springframework.core.env.Profiles.of("prod")) && secret.equals(DEVELOPMENT_SECRET)) {
            throw new IllegalStateException("Set TCW_MAIL_SECRET (tcw.mail.secret): the development key signs"
                    + " unsubscribe links anyone could forge");
        }
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.secret = secret;
        this.delay = delay;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
    }

    String url(String path) {
        return baseUrl + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** The domain of Message-IDs: the sender address's. */
    String domain() {
        int at = from.lastIndexOf('@');
        String d = at < 0 ? "tcw.localhost" : from.substring(at + 1);
        return d.replace(">", "").trim();
    }
}
