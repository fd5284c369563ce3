package org.issa.tcw.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.issa.tcw.base.Texts;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.mail.MailTemplates.Email;
import org.issa.tcw.mail.MailTemplates.Entry;
import org.issa.tcw.mail.MailTemplates.Section;
import org.issa.tcw.mail.ReplyAddresses.Status;
import org.issa.tcw.mail.ReplyAddresses.Verdict;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One incoming reply e-mail → a post, or a refusal. The reply address's signed token names the
 * person and the thread; the sender's address must be that person's; the post is written as that
 * person through {@link DiscussionService#reply}, so its permission checks (a member who left the
 * commission, a locked thread), limits (length, rate) and Markdown rules apply as in the app.
 * A refusal queues one short bounce in the sender's language (with their text, so nothing is lost)
 * when the sender is a known person or the token's own person — never to strangers (no backscatter
 * for spam) and never to automatic mail (no loops).
 * <p>
 * Exactly once: the {@code mail_reply} row keyed by the Message-ID is inserted in the transaction
 * of the post (or of the bounce). A mail fetched twice, or by two nodes at once, fails on the key
 * (the second insert waits for the first transaction) and is skipped.
 */
@Component
class ReplyIntake {

    private static final Logger log = LoggerFactory.getLogger(ReplyIntake.class);
    private static final int QUOTE_MAX = 3000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DiscussionService discussions;
    private final ReplyAddresses addresses;
    private final MailComposer composer;
    private final MailTemplates templates;
    private final MailConfig config;
    private final ReplyConfig replyConfig;
    private final Clock clock;

    ReplyIntake(JdbcClient jdbc, TransactionTemplate tx, DiscussionService discussions, ReplyAddresses addresses,
            MailComposer composer, MailTemplates templates, MailConfig config, ReplyConfig replyConfig, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.discussions = discussions;
        this.addresses = addresses;
        this.composer = composer;
        this.templates = templates;
        this.config = config;
        this.replyConfig = replyConfig;
        this.clock = clock;
    }

    /** What became of a reply e-mail. */
    enum Outcome {
        POSTED, REFUSED, IGNORED, DUPLICATE
    }

    /** Handles one e-mail; throws only when it should be tried again (e.g. the database is down). */
    Outcome handle(MimeMessage message) throws MessagingException, IOException {
        String messageId = messageId(message);
        if (seen(messageId)) {
            return Outcome.DUPLICATE;
        }
        String from = from(message).orElse("");
        Instant now = clock.instant();
        if (from.isEmpty() || automatic(message, from)) {
            return record(messageId, from, null, null, Outcome.IGNORED, null, now);
        }
        Verdict verdict = addresses.verify(recipients(message), now.atZone(ZoneOffset.UTC).toLocalDate());
        Optional<Person> sender = personByAddress(from);
        if (verdict.status() != Status.VALID) {
            String reason = verdict.status() == Status.EXPIRED ? "expired" : "token";
            return record(messageId, from, sender.orElse(null), null, Outcome.REFUSED,
                    sender.isPresent() ? new Bounce(reason, sender.get().locale(), message, null) : null, now);
        }
        Optional<Person> person = person(verdict.personId());
        long thread = verdict.threadId();
        if (person.isEmpty() || !person.get().email().equalsIgnoreCase(from)) {
            // someone else's address (a forwarded notification, a forged sender): refused
            return record(messageId, from, sender.orElse(null), thread, Outcome.REFUSED,
                    sender.isPresent() ? new Bounce("sender", sender.get().locale(), message, thread) : null, now);
        }
        Person p = person.get();
        String text = ReplyText.of(message);
        if (text.isBlank()) {
            return record(messageId, from, p, thread, Outcome.REFUSED, new Bounce("empty", p.locale(), message, thread),
                    now);
        }
        if (!p.active()) {
            return record(messageId, from, p, thread, Outcome.REFUSED, new Bounce("access", p.locale(), message, thread),
                    now);
        }
        try {
            Boolean posted = tx.execute(status -> {
                insert(messageId, from, p.id(), thread, Outcome.POSTED, now);
                long postId = as(p, () -> discussions.reply(thread, text, null).id());
                jdbc.sql("update mail_reply set post_id = :post where message_id = :m").param("post", postId)
                        .param("m", messageId).update();
                return true;
            });
            log.info("Reply by e-mail {} from person {} posted in thread {}", messageId, p.id(), thread);
            return Boolean.TRUE.equals(posted) ? Outcome.POSTED : Outcome.DUPLICATE;
        } catch (DuplicateKeyException e) {
            return Outcome.DUPLICATE;
        } catch (AccessDeniedException e) {
            return record(messageId, from, p, thread, Outcome.REFUSED, new Bounce("access", p.locale(), message, thread),
                    now);
        } catch (UserFacingException e) {
            // locked thread, too long, too fast, unknown thread: the app's own translated message
            String reason = templates.translate(e.messageKey(), p.locale(), e.arguments());
            return record(messageId, from, p, thread, Outcome.REFUSED,
                    new Bounce(null, p.locale(), message, thread).because(reason), now);
        }
    }

    private boolean seen(String messageId) {
        return jdbc.sql("select count(*) from mail_reply where message_id = :m").param("m", messageId)
                .query(Integer.class).single() > 0;
    }

    /** The ledger row (and the bounce, in the same transaction); a duplicate means another run had it. */
    private Outcome record(String messageId, String from, @Nullable Person person, @Nullable Long thread,
            Outcome outcome, @Nullable Bounce bounce, Instant now) {
        try {
            tx.executeWithoutResult(status -> {
                insert(messageId, from, person == null ? null : person.id(), thread, outcome, now);
                if (bounce != null) {
                    queueBounce(from, person, bounce, messageId, now);
                }
            });
            if (outcome == Outcome.REFUSED) {
                log.info("Reply by e-mail {} from {} refused ({}), bounce: {}", messageId, from,
                        bounce == null ? "-" : bounce.reasonText(templates), bounce != null);
            }
            return outcome;
        } catch (DuplicateKeyException e) {
            return Outcome.DUPLICATE;
        }
    }

    private void insert(String messageId, String from, @Nullable Long person, @Nullable Long thread, Outcome outcome,
            Instant now) {
        jdbc.sql("""
                insert into mail_reply (message_id, sender, person_id, thread_id, outcome, received_at)
                values (:m, :from, :p, :t, :o, :now)""").param("m", messageId).param("from", cut(from, 320))
                .param("p", person).param("t", thread).param("o", outcome.name()).param("now", OutboxSender.at(now))
                .update();
    }

    private void queueBounce(String to, @Nullable Person person, Bounce bounce, String inReplyTo, Instant now) {
        Locale locale = bounce.locale();
        String greeting = person == null ? t("mail.reply.greeting", locale) : t("mail.greeting", locale, person.name());
        String subject = t("mail.reply.refused.subject", locale);
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(bounce.sent().atZone(person == null ? ZoneOffset.UTC : person.zone()));
        String link = bounce.thread() == null ? config.url("") : config.url("discussions/" + bounce.thread());
        String yourText = cut(bounce.text(), QUOTE_MAX);
        var email = new Email(locale, greeting, subject, List.of(new Section(null, List.of(
                new Entry(bounce.reasonText(templates), yourText.isBlank() ? null : t("mail.reply.your-text", locale)
                        + "\n\n" + yourText, when, link)))),
                link, t("mail.button.open", locale), t("mail.reply.reason", locale, replyConfig.address), null, "",
                config.url("settings/notifications"));
        composer.queueRendered(person == null ? null : person.id(), to, "REPLY_REFUSED", subject,
                templates.render(email), null, null, inReplyTo, now);
    }

    private <T> T as(Person p, java.util.function.Supplier<T> work) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        jdbc.sql("select role from person_global_role where person_id = :p").param("p", p.id()).query(String.class)
                .list().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p.username(), null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private Optional<Person> person(long id) {
        return people("p.id = :v", id).stream().findFirst();
    }

    private Optional<Person> personByAddress(String address) {
        return people("lower(p.email) = :v", address.toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    private List<Person> people(String where, Object value) {
        return jdbc.sql("select p.id, p.username, p.email, p.first_name, p.last_name, p.preferred_locale, p.active,"
                + " s.time_zone from person p left join mail_settings s on s.person_id = p.id where " + where)
                .param("v", value).query((rs, i) -> {
                    String first = rs.getString(4);
                    return new Person(rs.getLong(1), rs.getString(2), rs.getString(3),
                            (first == null || first.isBlank() ? "" : first + " ") + rs.getString(5),
                            Texts.supported(rs.getString(6)), rs.getBoolean(7), Recipients.zone(rs.getString(8)));
                }).list();
    }

    /** The Message-ID, or (without one) a digest of sender, date, subject and body: the same mail gives the same id. */
    static String messageId(MimeMessage message) throws MessagingException, IOException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank()) {
            return cut(id.strip(), 300);
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var raw = new java.io.ByteArrayOutputStream();
            message.writeTo(raw);
            return "<sha256-" + HexFormat.of().formatHex(digest.digest(raw.toByteArray())) + "@no-message-id>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> from(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress a) || a.getAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(a.getAddress().strip().toLowerCase(Locale.ROOT));
    }

    /** Where the e-mail was sent: the headers, and what servers record of the envelope. */
    private static List<String> recipients(MimeMessage message) throws MessagingException {
        List<String> all = new ArrayList<>();
        for (String header : List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")) {
            String[] values = message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        if (a.getAddress() != null) {
                            all.add(a.getAddress());
                        }
                    }
                } catch (jakarta.mail.internet.AddressException e) {
                    // an unparsable header: not a reply address
                }
            }
        }
        return all;
    }

    /** Auto-replies, bounces, lists: never answered (mail loops), never posted. */
    private static boolean automatic(MimeMessage message, String from) throws MessagingException {
        String auto = message.getHeader("Auto-Submitted", null);
        String precedence = message.getHeader("Precedence", null);
        String local = from.substring(0, Math.max(0, from.indexOf('@')));
        return auto != null && !auto.strip().equalsIgnoreCase("no")
                || precedence != null && List.of("bulk", "junk", "list", "auto_reply")
                        .contains(precedence.strip().toLowerCase(Locale.ROOT))
                || message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null
                || List.of("mailer-daemon", "postmaster").contains(local);
    }

    private String t(String key, Locale locale, Object... params) {
        return templates.translate(key, locale, params);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private record Person(long id, String username, String email, String name, Locale locale, boolean active,
            java.time.ZoneId zone) {
    }

    /** A refusal's bounce: the reason (a {@code mail.reply.refused.*} key, or a text) and the sender's text. */
    private record Bounce(@Nullable String reasonKey, @Nullable String reason, Locale locale, String text,
            Instant sent, @Nullable Long thread) {

        Bounce(@Nullable String reasonKey, Locale locale, MimeMessage message, @Nullable Long thread) {
            this(reasonKey, null, locale, safeText(message), sentAt(message), thread);
        }

        /** When the sender wrote it, to recognise it (their clock; the epoch when it does not say). */
        private static Instant sentAt(MimeMessage message) {
            try {
                return message.getSentDate() == null ? Instant.EPOCH : message.getSentDate().toInstant();
            } catch (MessagingException e) {
                return Instant.EPOCH;
            }
        }

        Bounce because(String text) {
            return new Bounce(null, text, locale, this.text, sent, thread);
        }

        String reasonText(MailTemplates templates) {
            return reason != null ? reason : templates.translate("mail.reply.refused." + reasonKey, locale);
        }

        private static String safeText(MimeMessage message) {
            try {
                return ReplyText.of(message);
            } catch (MessagingException | IOException | RuntimeException e) {
                return "";
            }
        }
    }
}
