package org.issa.tcw.mail;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issa.tcw.mail.MailTemplates.Email;
import org.issa.tcw.mail.MailTemplates.Entry;
import org.issa.tcw.mail.MailTemplates.Section;
import org.issa.tcw.mail.Recipients.Recipient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secretariat's weekly overview across all commissions (ADR 047): milestones overdue,
 * programmes awaiting approval, projects at risk or off track, consultations closing this week
 * (open rounds whose deadline falls before the end of the week, UTC) — one e-mail per secretariat member
 * in their language, on Monday from {@code tcw.mail.overview-hour} (UTC; the week counted from
 * Monday in UTC). Each week once, whatever the number of nodes: the week's row in
 * {@code mail_overview_week} is inserted in the transaction that queues its e-mails; a second node
 * (or a second run) fails on the key and queues nothing. A node that was down on Monday catches up
 * later in the week. Opt-out: the kind {@link MailKind#WEEKLY_OVERVIEW} set to off (or paused), at
 * {@code /settings/notifications} or with the e-mail's unsubscribe link.
 */
@Component
class WeeklyOverview {

    static final int MAX_PER_SECTION = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Recipients recipients;
    private final MailTemplates templates;
    private final MailComposer composer;
    private final UnsubscribeLinks unsubscribe;
    private final MailConfig config;
    private final Clock clock;
    private final int hour;

    WeeklyOverview(JdbcClient jdbc, TransactionTemplate tx, Recipients recipients, MailTemplates templates,
            MailComposer composer, UnsubscribeLinks unsubscribe, MailConfig config, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${tcw.mail.overview-hour:6}") int hour) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.recipients = recipients;
        this.templates = templates;
        this.composer = composer;
        this.unsubscribe = unsubscribe;
        this.config = config;
        this.clock = clock;
        this.hour = hour;
    }

    /** This week's overview if it is due and not queued yet; returns how many e-mails were queued. */
    int sendIfDue() {
        return sendIfDue(clock.instant());
    }

    int sendIfDue(Instant now) {
        var utc = now.atZone(ZoneOffset.UTC);
        LocalDate monday = utc.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (utc.toLocalDate().equals(monday) && utc.getHour() < hour || alreadyQueued(monday)) {
            return 0;
        }
        try {
            Integer queued = tx.execute(status -> queue(monday, utc.toLocalDate(), now));
            return queued == null ? 0 : queued;
        } catch (DuplicateKeyException e) {
            return 0; // another node queued this week's overview
        }
    }

    private boolean alreadyQueued(LocalDate monday) {
        return jdbc.sql("select count(*) from mail_overview_week where week_start = :w").param("w", monday)
                .query(Integer.class).single() > 0;
    }

    private int queue(LocalDate monday, LocalDate today, Instant now) {
        // the week first: a concurrent node waits here and then fails on the key
        jdbc.sql("insert into mail_overview_week (week_start, created_at, recipients) values (:w, :now, 0)")
                .param("w", monday).param("now", OutboxSender.at(now)).update();
        Map<Long, Recipient> people = recipients.load(recipients.withGlobalRole("SECRETARIAT"));
        Signals signals = signals(today);
        int count = 0;
        if (!signals.isEmpty()) {
            for (Recipient r : people.values()) {
                if (!r.active() || r.paused() || r.delivery(MailKind.WEEKLY_OVERVIEW) == Delivery.OFF) {
                    continue;
                }
                String unsubscribeUrl = unsubscribe.url(r.id(), MailKind.WEEKLY_OVERVIEW.name());
                Email email = email(r, signals, monday, unsubscribeUrl);
                composer.queueRendered(r.id(), r.hasAddress() ? r.email() : "—", MailKind.WEEKLY_OVERVIEW.name(),
                        email.heading(), templates.render(email), unsubscribeUrl, null, null, now,
                        r.hasAddress() ? null : "no valid e-mail address");
                count++;
            }
        }
        jdbc.sql("update mail_overview_week set recipients = :n where week_start = :w").param("n", count)
                .param("w", monday).update();
        return count;
    }

    private Email email(Recipient r, Signals s, LocalDate monday, String unsubscribeUrl) {
        Locale locale = r.locale();
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        List<Section> sections = new ArrayList<>();
        if (!s.overdue().isEmpty()) {
            sections.add(new Section(t("mail.overview.overdue", locale, s.overdue().size()), s.overdue().stream()
                    .limit(MAX_PER_SECTION).map(m -> new Entry(t("mail.overview.overdue.line", locale, m.commission(),
                            m.title(), dates.format(m.due()), m.project()), null, "", config.url(m.link()))).toList()));
        }
        if (!s.awaiting().isEmpty()) {
            sections.add(new Section(t("mail.overview.awaiting", locale, s.awaiting().size()), s.awaiting().stream()
                    .limit(MAX_PER_SECTION).map(p -> new Entry(t("mail.overview.awaiting.line", locale, p.commission(),
                            p.name(), p.since() == null ? "—" : dates.format(p.since())), null, "",
                            config.url(p.link()))).toList()));
        }
        if (!s.atRisk().isEmpty()) {
            sections.add(new Section(t("mail.overview.at-risk", locale, s.atRisk().size()), s.atRisk().stream()
                    .limit(MAX_PER_SECTION).map(p -> new Entry(t("mail.overview.at-risk.line." + p.status(), locale,
                            p.commission(), p.title()), p.note(), "", config.url(p.link()))).toList()));
        }
        if (!s.closing().isEmpty()) {
            var times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale);
            sections.add(new Section(t("mail.overview.closing", locale, s.closing().size()), s.closing().stream()
                    .limit(MAX_PER_SECTION).map(c -> new Entry(t("mail.overview.closing.line", locale, c.commission(),
                            c.title(), times.format(c.deadline().atZone(r.zone())), c.comments()), null, "",
                            config.url(c.link()))).toList()));
        }
        String subject = t("mail.overview.subject", locale, dates.format(monday));
        return new Email(locale, t("mail.greeting", locale, r.name()), subject, sections, config.url("secretariat"),
                t("mail.button.workspace", locale), t("mail.reason.WEEKLY_OVERVIEW", locale), unsubscribeUrl,
                t("mail.unsubscribe", locale, t("mail.kind.WEEKLY_OVERVIEW", locale)),
                config.url("settings/notifications"));
    }

    /** What the overview reports, read once for all recipients (four queries). */
    Signals signals(LocalDate today) {
        List<Overdue> overdue = jdbc.sql("""
                select c.code, m.title, m.due_date, p.title, p.id from milestone m
                join project p on p.id = m.project_id join commission c on c.id = p.commission_id
                where m.due_date < :today and m.done_date is null and m.cancelled = false
                  and p.status not in ('COMPLETED', 'CANCELLED')
                order by m.due_date, c.code""").param("today", today)
                .query((rs, i) -> new Overdue(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), "projects/" + rs.getLong(5))).list();
        List<Awaiting> awaiting = jdbc.sql("""
                select c.code, c.name, w.submitted_at from work_programme w join commission c on c.id = w.commission_id
                where w.status = 'SUBMITTED' order by w.submitted_at, c.code""")
                .query((rs, i) -> {
                    var at = rs.getObject(3, java.time.OffsetDateTime.class);
                    return new Awaiting(rs.getString(1), rs.getString(2), at == null ? null : at.toLocalDate(),
                            "commissions/" + rs.getString(1) + "/programme");
                }).list();
        List<AtRisk> atRisk = jdbc.sql("""
                select c.code, p.title, p.status, p.status_note, p.id from project p
                join commission c on c.id = p.commission_id
                where p.status in ('AT_RISK', 'OFF_TRACK') order by p.status desc, c.code, p.title""")
                .query((rs, i) -> new AtRisk(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        "projects/" + rs.getLong(5))).list();
        // open rounds whose deadline falls between today and the end of the week (Sunday, UTC)
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<Closing> closing = jdbc.sql("""
                select c.code, d.title, r.deadline, r.id,
                  (select count(*) from consultation_contribution k where k.round_id = r.id)
                from consultation_round r join document d on d.id = r.document_id
                join commission c on c.id = r.commission_id
                where r.state = 'OPEN' and r.deadline >= :from and r.deadline < :to
                order by r.deadline, c.code""")
                .param("from", today.atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("to", nextMonday.atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new Closing(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getLong(5),
                        "consultations/" + rs.getLong(4))).list();
        return new Signals(overdue, awaiting, atRisk, closing);
    }

    private String t(String key, Locale locale, Object... params) {
        return templates.translate(key, locale, params);
    }

    record Signals(List<Overdue> overdue, List<Awaiting> awaiting, List<AtRisk> atRisk, List<Closing> closing) {

        boolean isEmpty() {
            return overdue.isEmpty() && awaiting.isEmpty() && atRisk.isEmpty() && closing.isEmpty();
        }
    }

    record Closing(String commission, String title, Instant deadline, long comments, String link) {
    }

    record Overdue(String commission, String title, LocalDate due, String project, String link) {
    }

    record Awaiting(String commission, String name, java.time.@org.jspecify.annotations.Nullable LocalDate since,
            String link) {
    }

    record AtRisk(String commission, String title, String status,
            @org.jspecify.annotations.Nullable String note, String link) {
    }
}
