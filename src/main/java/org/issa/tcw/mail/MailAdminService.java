package org.issa.tcw.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.issa.tcw.base.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox for administrators and the secretariat: what waits, what failed, what was sent; retry. */
@Service
@Transactional(readOnly = true)
public class MailAdminService {

    private static final String COLUMNS = """
            select id, message_id, recipient, kind, subject, status, attempts, created_at, next_attempt_at, sent_at,
                   last_error from mail_outbox""";

    private final JdbcClient jdbc;
    private final Clock clock;

    MailAdminService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Waiting, being sent, failed or skipped (no address) e-mails, oldest first. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<OutboxRow> pending(int limit) {
        return jdbc.sql(COLUMNS + " where status <> 'SENT' order by id fetch first :n rows only").param("n", limit)
                .query(MailAdminService::row).list();
    }

    /** The most recently sent e-mails, newest first. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public List<OutboxRow> sent(int limit) {
        return jdbc.sql(COLUMNS + " where status = 'SENT' order by sent_at desc, id desc fetch first :n rows only")
                .param("n", limit).query(MailAdminService::row).list();
    }

    /** How many e-mails have each status. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public java.util.Map<String, Long> counts() {
        var counts = new java.util.TreeMap<String, Long>();
        jdbc.sql("select status, count(*) from mail_outbox group by status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * The plain-text part of one e-mail, as it was sent; a thread notification's {@code Reply-To}
     * header above it (the address a reply by e-mail goes to, ADR 046).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public String text(long id) {
        return jdbc.sql("select body_text, reply_to from mail_outbox where id = :id").param("id", id)
                .query((rs, i) -> (rs.getString(2) == null ? "" : "Reply-To: " + rs.getString(2) + "\n\n")
                        + rs.getString(1))
                .optional().orElseThrow(NotFoundException::new);
    }

    /** Puts a failed e-mail back in the queue, due now, with a fresh count of attempts. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void retry(long id) {
        int changed = jdbc.sql("""
                update mail_outbox set status = 'QUEUED', attempts = 0, next_attempt_at = :now, claimed_until = null
                where id = :id and status = 'FAILED'""").param("now", OutboxSender.at(clock.instant())).param("id", id)
                .update();
        if (changed == 0) {
            throw new NotFoundException();
        }
    }

    /** Every failed e-mail back in the queue; returns how many. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public int retryAllFailed() {
        return jdbc.sql("""
                update mail_outbox set status = 'QUEUED', attempts = 0, next_attempt_at = :now, claimed_until = null
                where status = 'FAILED'""").param("now", OutboxSender.at(clock.instant())).update();
    }

    private static OutboxRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        MailKind kind;
        try {
            kind = MailKind.valueOf(rs.getString(4));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        return new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), kind, rs.getString(5), rs.getString(6),
                rs.getInt(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                rs.getObject(9, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject(10, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                rs.getString(11));
    }
}
