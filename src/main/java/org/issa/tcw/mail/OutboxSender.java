package org.issa.tcw.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. A run claims due rows with {@code SELECT … FOR UPDATE SKIP LOCKED} and marks
 * them {@code SENDING} with a claim that expires (a crashed sender's rows come back), then sends
 * the batch over one SMTP connection outside any transaction and records each e-mail's outcome: sent, or
 * back to the queue with exponential back-off (30 s, 1 min, 2 min … at most an hour), or failed
 * after {@link MailConfig#maxAttempts} attempts (visible at {@code /admin/mail}, retried by hand).
 * Several senders (threads or nodes) never claim the same row; a row is marked sent only by the
 * sender holding its claim. Every row keeps its Message-ID across attempts, so in the one window
 * that no outbox can close (the SMTP server accepted, the mark was not yet written) a repeat is
 * recognisable as the same message.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration CLAIM = Duration.ofMinutes(5);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JavaMailSender mail;
    private final MailConfig config;
    private final Clock clock;

    OutboxSender(JdbcClient jdbc, TransactionTemplate tx, JavaMailSender mail, MailConfig config, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
    }

    /** Sends what is due now; returns how many e-mails the SMTP server accepted. */
    int sendDue() {
        return sendDue(clock.instant());
    }

    /** Sends what is due at {@code now}, batch after batch until nothing is due. */
    int sendDue(Instant now) {
        int sent = 0;
        while (true) {
            List<Claimed> batch = claim(now);
            if (batch.isEmpty()) {
                return sent;
            }
            int delivered = send(batch, now);
            sent += delivered;
            if (delivered == 0) {
                return sent; // the server is down: the rest waits for its back-off
            }
        }
    }

    private List<Claimed> claim(Instant now) {
        List<Claimed> rows = tx.execute(status -> {
            List<Claimed> due = jdbc.sql("""
                    select id, message_id, recipient, subject, body_text, body_html, unsubscribe_url, attempts,
                           reply_to, in_reply_to
                    from mail_outbox
                    where (status = 'QUEUED' and next_attempt_at <= :now)
                       or (status = 'SENDING' and claimed_until < :now)
                    order by id
                    fetch first :limit rows only
                    for update skip locked""")
                    .param("now", at(now)).param("limit", config.batchSize)
                    .query((rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                            rs.getString(10)))
                    .list();
            if (!due.isEmpty()) {
                jdbc.sql("update mail_outbox set status = 'SENDING', claimed_until = :until where id in (:ids)")
                        .param("until", at(now.plus(CLAIM))).param("ids", due.stream().map(Claimed::id).toList())
                        .update();
            }
            return due;
        });
        return rows == null ? List.of() : rows;
    }

    /**
     * Sends a claimed batch over one SMTP connection; each e-mail's outcome is recorded on its row
     * (the server's refusal of one does not fail the others). Returns how many were accepted.
     */
    private int send(List<Claimed> batch, Instant now) {
        Map<MimeMessage, Claimed> messages = new LinkedHashMap<>();
        for (Claimed row : batch) {
            try {
                messages.put(message(row), row);
            } catch (MessagingException | RuntimeException e) {
                failed(row, e, now);
            }
        }
        Map<Object, Exception> failures = Map.of();
        try {
            mail.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures = e.getFailedMessages();
            if (failures.isEmpty()) {
                failures = new HashMap<>();
                for (MimeMessage m : messages.keySet()) {
                    failures.put(m, e);
                }
            }
        } catch (RuntimeException e) { // any other MailException: nothing was sent
            failures = new HashMap<>();
            for (MimeMessage m : messages.keySet()) {
                failures.put(m, e);
            }
        }
        List<Long> accepted = new ArrayList<>();
        for (var entry : messages.entrySet()) {
            Exception failure = failures.get(entry.getKey());
            if (failure == null) {
                accepted.add(entry.getValue().id());
            } else {
                failed(entry.getValue(), failure, now);
            }
        }
        if (!accepted.isEmpty()) {
            tx.executeWithoutResult(status -> jdbc.sql("""
                    update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = :now,
                        claimed_until = null, last_error = null
                    where id in (:ids) and status = 'SENDING'""")
                    .param("now", at(clock.instant())).param("ids", accepted).update());
        }
        return accepted.size();
    }

    private void failed(Claimed row, Exception e, Instant now) {
        int attempts = row.attempts() + 1;
        boolean giveUp = attempts >= config.maxAttempts;
        Instant next = now.plus(backoff(attempts));
        String error = cut(String.valueOf(e.getMessage()), 1000);
        log.warn("E-mail {} to {} not sent (attempt {}): {}", row.messageId(), row.recipient(), attempts, error);
        tx.executeWithoutResult(status -> jdbc.sql("""
                update mail_outbox set status = :status, attempts = :attempts, next_attempt_at = :next,
                    claimed_until = null, last_error = :error
                where id = :id and status = 'SENDING'""")
                .param("status", giveUp ? "FAILED" : "QUEUED").param("attempts", attempts)
                .param("next", at(next)).param("error", error).param("id", row.id()).update());
    }

    /** 30 s after the first failure, doubling, at most an hour. */
    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private MimeMessage message(Claimed row) throws MessagingException {
        Session session = mail instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
        MimeMessage message = new KeptIdMessage(session, row.messageId());
        var helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(config.from);
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.text(), row.html());
        message.setHeader("Auto-Submitted", "auto-generated");
        if (row.replyTo() != null) {
            helper.setReplyTo(row.replyTo()); // a thread notification: the reply becomes a post (ADR 046)
        }
        if (row.inReplyTo() != null) {
            message.setHeader("In-Reply-To", row.inReplyTo()); // a bounce answers the refused reply
            message.setHeader("References", row.inReplyTo());
        }
        if (row.unsubscribeUrl() != null) {
            // RFC 2369 and RFC 8058: mail clients offer "unsubscribe" and POST to the link themselves
            message.setHeader("List-Unsubscribe", "<" + row.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** To the database's precision (microseconds), so that what is stored compares as what was meant. */
    static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private record Claimed(long id, String messageId, String recipient, String subject, String text, String html,
            @Nullable String unsubscribeUrl, int attempts, @Nullable String replyTo, @Nullable String inReplyTo) {
    }

    /** Keeps the outbox's Message-ID (Jakarta Mail would make a new one at every attempt). */
    private static final class KeptIdMessage extends MimeMessage {

        private final String id;

        KeptIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
