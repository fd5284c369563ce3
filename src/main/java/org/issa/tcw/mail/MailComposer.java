package org.issa.tcw.mail;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.issa.tcw.mail.MailTemplates.Email;
import org.issa.tcw.mail.MailTemplates.Entry;
import org.issa.tcw.mail.MailTemplates.Section;
import org.issa.tcw.mail.Recipients.Recipient;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns {@code mail_item} rows into e-mails in the outbox, according to each person's current
 * preferences. Immediate kinds: once the oldest new item of a thread or object is older than the
 * delay, all new items of that group become one e-mail. Digest kinds wait (state {@code DIGEST})
 * for the person's morning hour in their time zone (weekly ones for Monday), are grouped by
 * commission and leave out what the person has already read in the app; no e-mail when nothing
 * is left. Off or paused: dropped. Items and their e-mail are written in one transaction; rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so composers on several nodes do not collide.
 */
@Component
class MailComposer {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Recipients recipients;
    private final MailTemplates templates;
    private final UnsubscribeLinks unsubscribe;
    private final MailConfig config;
    private final Clock clock;
    private final ReplyConfig replyConfig;
    private final ReplyAddresses replyAddresses;

    MailComposer(JdbcClient jdbc, TransactionTemplate tx, Recipients recipients, MailTemplates templates,
            UnsubscribeLinks unsubscribe, MailConfig config, Clock clock, ReplyConfig replyConfig,
            ReplyAddresses replyAddresses) {
        this.replyConfig = replyConfig;
        this.replyAddresses = replyAddresses;
        this.jdbc = jdbc;
        this.tx = tx;
        this.recipients = recipients;
        this.templates = templates;
        this.unsubscribe = unsubscribe;
        this.config = config;
        this.clock = clock;
    }

    /** Immediate e-mails and digests due now; returns how many e-mails were queued. */
    int composeDue() {
        Instant now = clock.instant();
        return composeImmediate(now) + composeDigests(now);
    }

    int composeImmediate(Instant now) {
        Integer queued = tx.execute(status -> {
            List<Item> items = jdbc.sql("""
                    select id, person_id, kind, group_key, commission_id, actor_name, subject, body, link, due_date,
                           created_at, deliver_after
                    from mail_item where state = 'NEW' order by id fetch first :limit rows only
                    for update skip locked""").param("limit", BATCH).query(MailComposer::item).list();
            if (items.isEmpty()) {
                return 0;
            }
            Map<Long, Recipient> people = recipients.load(items.stream().map(Item::personId).collect(Collectors.toSet()));
            Map<String, List<Item>> groups = new LinkedHashMap<>();
            for (Item item : items) {
                groups.computeIfAbsent(item.personId() + "|" + item.groupKey(), k -> new ArrayList<>()).add(item);
            }
            int count = 0;
            for (List<Item> group : groups.values()) {
                Instant due = group.stream().map(Item::deliverAfter).min(Comparator.naturalOrder()).orElseThrow();
                if (due.isAfter(now)) {
                    continue; // still waiting for more of the same thread or object
                }
                Recipient r = people.get(group.get(0).personId());
                List<Long> immediate = new ArrayList<>();
                List<Long> digest = new ArrayList<>();
                List<Long> dropped = new ArrayList<>();
                for (Item item : group) {
                    Delivery d = r == null || !r.active() || r.paused() ? Delivery.OFF : r.delivery(item.kind());
                    switch (d) {
                        case IMMEDIATELY -> immediate.add(item.id());
                        case DAILY, WEEKLY -> digest.add(item.id());
                        case OFF -> dropped.add(item.id());
                    }
                }
                mark(digest, "DIGEST", null);
                mark(dropped, "DROPPED", null);
                if (!immediate.isEmpty() && r != null) {
                    List<Item> mailed = group.stream().filter(i -> immediate.contains(i.id())).toList();
                    long outboxId = queue(r, mailed.get(0).kind(), immediateEmail(r, mailed), now);
                    mark(immediate, "MAILED", outboxId);
                    count++;
                }
            }
            return count;
        });
        return queued == null ? 0 : queued;
    }

    int composeDigests(Instant now) {
        List<Long> waiting = jdbc.sql("select distinct person_id from mail_item where state = 'DIGEST'")
                .query(Long.class).list();
        if (waiting.isEmpty()) {
            return 0;
        }
        int count = 0;
        Map<Long, Recipient> people = recipients.load(waiting);
        for (Recipient r : people.values()) {
            ZonedDateTime local = now.atZone(r.zone());
            LocalDate today = local.toLocalDate();
            if (local.getHour() < r.morningHour()) {
                continue;
            }
            boolean daily = r.lastDailyOn() == null || r.lastDailyOn().isBefore(today);
            boolean weekly = today.getDayOfWeek() == DayOfWeek.MONDAY
                    && (r.lastWeeklyOn() == null || r.lastWeeklyOn().isBefore(today));
            if (!daily && !weekly) {
                continue;
            }
            Integer queued = tx.execute(status -> digest(r, today, daily, weekly, now));
            count += queued == null ? 0 : queued;
        }
        return count;
    }

    private int digest(Recipient r, LocalDate today, boolean daily, boolean weekly, Instant now) {
        // the person's row first: two composers cannot both send today's digest
        ensureSettings(r.id());
        Boolean mine = jdbc.sql("""
                select person_id from mail_settings where person_id = :p and
                  (:daily = false or last_daily_on is null or last_daily_on < :today)
                for update skip locked""").param("p", r.id()).param("daily", daily).param("today", today)
                .query(Long.class).optional().isPresent();
        if (!mine) {
            return 0;
        }
        List<Item> items = jdbc.sql("""
                select id, person_id, kind, group_key, commission_id, actor_name, subject, body, link, due_date,
                       created_at, deliver_after
                from mail_item i where state = 'DIGEST' and person_id = :p order by id""").param("p", r.id())
                .query(MailComposer::item).list();
        Set<String> read = new HashSet<>(jdbc.sql("""
                select link from notification where person_id = :p and read_at is not null
                and link in (select link from mail_item where state = 'DIGEST' and person_id = :p)""")
                .param("p", r.id()).query(String.class).list());
        List<Item> daySelection = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        List<Long> off = new ArrayList<>();
        for (Item item : items) {
            Delivery d = !r.active() || r.paused() ? Delivery.OFF : r.delivery(item.kind());
            if (d == Delivery.OFF) {
                off.add(item.id());
            } else if (read.contains(item.link())) {
                seen.add(item.id());
            } else if (d == Delivery.WEEKLY ? weekly : daily) {
                daySelection.add(item);
            }
        }
        mark(off, "DROPPED", null);
        mark(seen, "DROPPED", null);
        jdbc.sql("update mail_settings set last_daily_on = case when :daily then :today else last_daily_on end, "
                + "last_weekly_on = case when :weekly then :today else last_weekly_on end where person_id = :p")
                .param("daily", daily).param("weekly", weekly).param("today", today).param("p", r.id()).update();
        if (daySelection.isEmpty()) {
            return 0; // nothing new: no e-mail
        }
        boolean onlyWeekly = daySelection.stream().allMatch(i -> r.delivery(i.kind()) == Delivery.WEEKLY);
        long outboxId = queue(r, null, digestEmail(r, daySelection, onlyWeekly ? "weekly" : "daily"), now);
        mark(daySelection.stream().map(Item::id).toList(), "MAILED", outboxId);
        return 1;
    }

    private void ensureSettings(long personId) {
        int exists = jdbc.sql("select count(*) from mail_settings where person_id = :p").param("p", personId)
                .query(Integer.class).single();
        if (exists == 0) {
            jdbc.sql("insert into mail_settings (person_id) values (:p)").param("p", personId).update();
        }
    }

    private Composed immediateEmail(Recipient r, List<Item> items) {
        Item first = items.get(0);
        var locale = r.locale();
        String subject = items.size() == 1 ? line(first, locale)
                : t("mail.subject.batch", locale, items.size(), first.subject());
        List<Entry> entries = items.stream().map(i -> entry(i, r)).toList();
        Item last = items.get(items.size() - 1);
        String unsubscribeUrl = unsubscribe.url(r.id(), first.kind().name());
        var email = new Email(locale, t("mail.greeting", locale, r.name()), subject,
                List.of(new Section(null, entries)), config.url(last.link()), t("mail.button.open", locale),
                t("mail.reason." + first.kind().name(), locale), unsubscribeUrl,
                t("mail.unsubscribe", locale, t("mail.kind." + first.kind().name(), locale)),
                config.url("settings/notifications"));
        String replyTo = replyAddress(r, first.groupKey());
        if (replyTo != null) {
            email = email.withReplyHint(t("mail.reply.hint", locale));
        }
        return new Composed(subject, email, unsubscribeUrl, replyTo);
    }

    /**
     * The signed Reply-To address of an e-mail about one thread (ADR 046), when replies by e-mail
     * are on; a reply to it becomes a post by this person.
     */
    private @Nullable String replyAddress(Recipient r, String groupKey) {
        if (!replyConfig.enabled || !groupKey.startsWith("thread:")) {
            return null;
        }
        long thread = Long.parseLong(groupKey.substring("thread:".length()));
        return replyAddresses.address(r.id(), thread, clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    }

    private Composed digestEmail(Recipient r, List<Item> items, String which) {
        var locale = r.locale();
        Set<Long> commissionIds = items.stream().map(Item::commissionId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        if (!commissionIds.isEmpty()) {
            jdbc.sql("select id, code, name from commission where id in (:ids)").param("ids", commissionIds)
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2) + " — " + rs.getString(3));
                    });
        }
        String other = t("mail.section.other", locale);
        Map<String, List<Entry>> byCommission = new TreeMap<>();
        for (Item i : items) {
            String title = i.commissionId() == null ? other : names.getOrDefault(i.commissionId(), other);
            byCommission.computeIfAbsent(title, k -> new ArrayList<>()).add(entry(i, r));
        }
        List<Section> sections = byCommission.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue()))
                .toList();
        String subject = t("mail.subject." + which, locale, items.size());
        String unsubscribeUrl = unsubscribe.url(r.id(), which.toUpperCase(java.util.Locale.ROOT));
        var email = new Email(locale, t("mail.greeting", locale, r.name()), subject, sections,
                config.url("notifications"), t("mail.button.workspace", locale), t("mail.reason." + which, locale),
                unsubscribeUrl, t("mail.unsubscribe." + which, locale), config.url("settings/notifications"));
        return new Composed(subject, email, unsubscribeUrl, null);
    }

    private Entry entry(Item i, Recipient r) {
        var locale = r.locale();
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(i.createdAt().atZone(r.zone()));
        return new Entry(line(i, locale), detail(i, locale), when, config.url(i.link()));
    }

    /** "Ana Silva mentioned you in «Thread»", "Milestone «X» is due on 3 March 2027", … */
    private String line(Item i, java.util.Locale locale) {
        String date = i.due() == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(i.due());
        return t(lineKey(i), locale, i.actor(), i.subject(), date);
    }

    /**
     * The line's key: per kind, with the variant of a milestone or programme item (its body's prefix),
     * of a suggestion (its link leads to one) or of a closed consultation round (body {@code closed:…}).
     */
    static String lineKey(Item i) {
        String key = "mail.line." + i.kind().name();
        return switch (i.kind()) {
            case MILESTONE, PROGRAMME_APPROVAL -> key + "." + variant(i);
            case DOCUMENT_COMMENT -> i.link().contains("?suggestion=") ? key + ".suggestion" : key;
            case CONSULTATION -> closedRound(i) ? key + ".closed" : key;
            default -> key;
        };
    }

    private static boolean closedRound(Item i) {
        return i.kind() == MailKind.CONSULTATION && i.body() != null && i.body().startsWith("closed:");
    }

    private static String variant(Item i) {
        String body = i.body() == null ? "" : i.body();
        int colon = body.indexOf(':');
        return colon < 0 ? body : body.substring(0, colon);
    }

    /**
     * The text shown under the line: the post, a returned programme's comment, or a closed round's
     * outcome in the recipient's language.
     */
    private @Nullable String detail(Item i, java.util.Locale locale) {
        if (closedRound(i)) {
            String[] counts = java.util.Objects.requireNonNull(i.body()).split(":");
            return t("mail.detail.CONSULTATION.closed", locale, Long.parseLong(counts[1]), Long.parseLong(counts[2]));
        }
        if (i.kind() == MailKind.MILESTONE || i.kind() == MailKind.PROGRAMME_APPROVAL) {
            String body = i.body() == null ? "" : i.body();
            int colon = body.indexOf(':');
            return colon < 0 || colon == body.length() - 1 ? null : body.substring(colon + 1);
        }
        return i.body();
    }

    private long queue(Recipient r, @Nullable MailKind kind, Composed composed, Instant now) {
        var rendered = templates.render(composed.email());
        boolean deliverable = r.hasAddress();
        return queueRendered(r.id(), deliverable ? r.email() : "—", kind == null ? "DIGEST" : kind.name(),
                composed.subject(), rendered, composed.unsubscribeUrl(), composed.replyTo(), null, now,
                deliverable ? null : "no valid e-mail address: " + cut(r.email(), 300));
    }

    /** An e-mail into the outbox, in the caller's transaction; returns its row's id. */
    long queueRendered(@Nullable Long personId, String to, String kind, String subject, MailTemplates.Rendered rendered,
            @Nullable String unsubscribeUrl, @Nullable String replyTo, @Nullable String inReplyTo, Instant now) {
        return queueRendered(personId, to, kind, subject, rendered, unsubscribeUrl, replyTo, inReplyTo, now, null);
    }

    /** The same, for a person without a valid address: {@code skippedBecause} says so, the row is not sent. */
    long queueRendered(@Nullable Long personId, String to, String kind, String subject,
            MailTemplates.Rendered rendered, @Nullable String unsubscribeUrl, @Nullable String replyTo,
            @Nullable String inReplyTo, Instant now, @Nullable String skippedBecause) {
        String messageId = "<" + UUID.randomUUID() + "@" + config.domain() + ">";
        jdbc.sql("""
                insert into mail_outbox (message_id, person_id, recipient, kind, subject, body_text, body_html,
                    unsubscribe_url, reply_to, in_reply_to, status, attempts, next_attempt_at, last_error, created_at)
                values (:mid, :p, :to, :kind, :subject, :text, :html, :unsub, :replyTo, :inReplyTo, :status, 0, :now,
                    :error, :now)""")
                .param("mid", messageId).param("p", personId).param("to", to)
                .param("kind", kind).param("subject", cut(subject, 400))
                .param("text", rendered.text()).param("html", rendered.html()).param("unsub", unsubscribeUrl)
                .param("replyTo", replyTo).param("inReplyTo", inReplyTo)
                .param("status", skippedBecause == null ? "QUEUED" : "SKIPPED")
                .param("error", skippedBecause)
                .param("now", OutboxSender.at(now)).update();
        return lastId(messageId);
    }

    private long lastId(String messageId) {
        return jdbc.sql("select id from mail_outbox where message_id = :m").param("m", messageId).query(Long.class)
                .single();
    }

    private void mark(List<Long> ids, String state, @Nullable Long outboxId) {
        if (!ids.isEmpty()) {
            jdbc.sql("update mail_item set state = :s, outbox_id = :o where id in (:ids)").param("s", state)
                    .param("o", outboxId).param("ids", ids).update();
        }
    }

    private String t(String key, java.util.Locale locale, Object... params) {
        return templates.translate(key, locale, params);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Item(rs.getLong(1), rs.getLong(2), MailKind.valueOf(rs.getString(3)), rs.getString(4),
                (Long) rs.getObject(5, Long.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, LocalDate.class), rs.getObject(11, OffsetDateTime.class).toInstant(),
                rs.getObject(12, OffsetDateTime.class).toInstant());
    }

    record Item(long id, long personId, MailKind kind, String groupKey, @Nullable Long commissionId, String actor,
            String subject, @Nullable String body, String link, @Nullable LocalDate due, Instant createdAt,
            Instant deliverAfter) {
    }

    private record Composed(String subject, Email email, String unsubscribeUrl, @Nullable String replyTo) {
    }
}
