package org.issa.tcw.mail;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.issa.tcw.discussion.PostCreated;
import org.issa.tcw.documents.comments.CommentAdded;
import org.issa.tcw.documents.consultation.ConsultationClosed;
import org.issa.tcw.documents.consultation.ConsultationOpened;
import org.issa.tcw.documents.suggestions.SuggestionAdded;
import org.issa.tcw.documents.comments.CommentMentioned;
import org.issa.tcw.programme.ProgrammeEvents.MilestoneDueSoon;
import org.issa.tcw.programme.ProgrammeEvents.MilestoneOverdue;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeApproved;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeReturned;
import org.issa.tcw.programme.ProgrammeEvents.ProgrammeSubmitted;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what may become e-mail ({@code mail_item} rows) inside the transaction of the event that
 * causes it: a post and its e-mails are stored together or not at all (the transactional outbox).
 * Cheap on purpose: one read of the post and one batched insert, whatever the number of recipients;
 * preferences, language and rendering are the composer's work, later and off the request thread.
 */
@Component
class MailItems {

    static final int BODY_MAX = 1500;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final MailConfig config;
    private final Clock clock;

    MailItems(JdbcTemplate jdbcTemplate, JdbcClient jdbc, Recipients recipients, MailConfig config, Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.config = config;
        this.clock = clock;
    }

    @EventListener
    void on(PostCreated e) {
        var post = jdbc.sql("""
                select p.html, t.author_id, r.author_id
                from discussion_post p join discussion_thread t on t.id = p.thread_id
                left join discussion_post r on r.id = p.reply_to_id
                where p.id = :id""").param("id", e.postId())
                .query((rs, i) -> new PostFacts(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3, Long.class)))
                .optional();
        if (post.isEmpty()) {
            return;
        }
        String body = text(post.get().html());
        Map<Long, MailKind> kinds = new LinkedHashMap<>();
        for (Long person : e.watchers()) {
            kinds.put(person, e.opensThread() ? MailKind.NEW_THREAD : MailKind.WATCHED_POST);
        }
        if (!e.opensThread()) {
            kinds.put(post.get().threadAuthor(), MailKind.REPLY_TO_ME);
            if (post.get().repliedTo() != null) {
                kinds.put(post.get().repliedTo(), MailKind.REPLY_TO_ME);
            }
        }
        for (Long person : e.mentioned()) {
            kinds.put(person, MailKind.MENTION);
        }
        kinds.remove(e.authorId());
        String link = "discussions/" + e.threadId() + "?post=" + e.seq();
        List<Item> items = new ArrayList<>();
        kinds.forEach((person, kind) -> items.add(new Item(person, kind, "thread:" + e.threadId(), e.commissionId(),
                e.authorName(), e.threadTitle(), body, link, null)));
        insert(items);
    }

    @EventListener
    void on(CommentMentioned e) {
        insert(List.of(new Item(e.personId(), MailKind.MENTION, "document:" + e.documentId(), null, e.authorName(),
                e.documentTitle(), null, e.link(), null)));
    }

    /**
     * A comment on a document: its creator hears of it (kind {@link MailKind#DOCUMENT_COMMENT}), unless
     * they wrote it or are mentioned in it (the mention is mailed on its own). Grouped per document.
     */
    @EventListener
    void on(CommentAdded e) {
        insert(creators(e.documentId()).stream().filter(p -> p != e.authorId() && !e.mentioned().contains(p))
                .map(p -> new Item(p, MailKind.DOCUMENT_COMMENT, "document:" + e.documentId(), e.commissionId(),
                        e.authorName(), e.documentTitle(), text(e.html()), e.link(), null))
                .toList());
    }

    /**
     * A consultation round opened: each participant is invited (kind {@link MailKind#CONSULTATION}, as
     * their preference says), with a link to the document; grouped per document.
     */
    @EventListener
    void on(ConsultationOpened e) {
        insert(e.participantIds().stream().distinct()
                .map(p -> new Item(p, MailKind.CONSULTATION, "document:" + e.documentId(), e.commissionId(),
                        e.openedBy(), e.documentTitle(), null, e.link(), null))
                .toList());
    }

    /**
     * A suggestion on a document: like a comment, its creator hears of it (kind
     * {@link MailKind#DOCUMENT_COMMENT}, "comments and suggestions on my documents"), unless they made
     * it; grouped per document with the comments, so several within the delay make one e-mail.
     */
    @EventListener
    void on(SuggestionAdded e) {
        insert(creators(e.documentId()).stream().filter(p -> p != e.authorId())
                .map(p -> new Item(p, MailKind.DOCUMENT_COMMENT, "document:" + e.documentId(), e.commissionId(),
                        e.authorName(), e.documentTitle(), cut(e.text(), BODY_MAX), e.link(), null))
                .toList());
    }

    /**
     * A consultation round closed (once, by the round closer): its participants, the person who opened it
     * and the commission's chairs hear of it (kind {@link MailKind#CONSULTATION}) with the outcome — how
     * many comments from how many people — and a link to the round's disposition log. The body carries
     * the outcome as {@code closed:<comments>:<commenters>}; the composer words it in each language.
     */
    @EventListener
    void on(ConsultationClosed e) {
        var round = jdbc.sql("""
                select d.title, r.opened_by,
                  (select count(*) from consultation_contribution k where k.round_id = r.id),
                  (select count(distinct c.author_id) from consultation_contribution k
                     join document_comment c on c.id = k.comment_id where k.round_id = r.id)
                from consultation_round r join document d on d.id = r.document_id where r.id = :r""")
                .param("r", e.roundId())
                .query((rs, i) -> new RoundFacts(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getLong(3),
                        rs.getLong(4)))
                .optional();
        if (round.isEmpty()) {
            return;
        }
        java.util.Set<Long> people = new java.util.LinkedHashSet<>(jdbc.sql(
                "select person_id from consultation_participant where round_id = :r order by person_id")
                .param("r", e.roundId()).query(Long.class).list());
        if (round.get().openedBy() != null) {
            people.add(round.get().openedBy());
        }
        people.addAll(recipients.chairs(e.commissionId()));
        String outcome = "closed:" + round.get().comments() + ":" + round.get().commenters();
        LocalDate closedOn = e.at().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        insert(people.stream().map(p -> new Item(p, MailKind.CONSULTATION, "consultation:" + e.roundId(),
                e.commissionId(), "", round.get().title(), outcome, "consultations/" + e.roundId(), closedOn)).toList());
    }

    private List<Long> creators(long documentId) {
        return jdbc.sql("select created_by from document where id = :d and created_by is not null")
                .param("d", documentId).query(Long.class).list();
    }

    @EventListener
    void on(MilestoneDueSoon e) {
        milestone(e.milestoneId(), e.projectId(), e.commissionId(), e.title(), e.dueDate(), "due-soon");
    }

    @EventListener
    void on(MilestoneOverdue e) {
        milestone(e.milestoneId(), e.projectId(), e.commissionId(), e.title(), e.dueDate(), "overdue");
    }

    /**
     * The milestone's owner, else the project's lead, else the commission's chairs: the watch marks
     * the milestone notified in this transaction, so somebody is told (as their preferences say).
     */
    void milestone(long milestoneId, long projectId, long commissionId, String title, LocalDate due, String what) {
        List<Long> owners = jdbc.sql("""
                select coalesce(m.owner_person_id, p.lead_person_id) from milestone m join project p on p.id = m.project_id
                where m.id = :id and coalesce(m.owner_person_id, p.lead_person_id) is not null""")
                .param("id", milestoneId).query(Long.class).list();
        if (owners.isEmpty()) {
            owners = recipients.chairs(commissionId);
        }
        insert(owners.stream().map(owner -> new Item(owner, MailKind.MILESTONE, "milestone:" + milestoneId + ":" + what,
                commissionId, "", title, what, "projects/" + projectId, due)).toList());
    }

    /**
     * The second reminder, 3 days before the due date (the programme's watch announces 14 days
     * before and overdue): open milestones due on {@code today + 3} whose reminder was not written
     * yet. Returns how many milestones were announced.
     */
    int threeDayReminders(LocalDate today) {
        LocalDate due = today.plusDays(3);
        var milestones = jdbc.sql("""
                select m.id, m.project_id, p.commission_id, m.title from milestone m join project p on p.id = m.project_id
                where m.due_date = :due and m.done_date is null and m.cancelled = false
                  and not exists (select 1 from mail_item i where i.group_key = concat('milestone:', cast(m.id as varchar(20)), ':due-in-3'))""")
                .param("due", due).query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)})
                .list();
        for (Object[] m : milestones) {
            milestone((Long) m[0], (Long) m[1], (Long) m[2], (String) m[3], due, "due-in-3");
        }
        return milestones.size();
    }

    @EventListener
    void on(ProgrammeSubmitted e) {
        programme(recipients.withGlobalRole("SECRETARIAT"), e.commissionId(), e.submittedBy(), "submitted");
    }

    @EventListener
    void on(ProgrammeApproved e) {
        programme(recipients.chairs(e.commissionId()), e.commissionId(), e.approvedBy(), "approved");
    }

    @EventListener
    void on(ProgrammeReturned e) {
        programme(recipients.chairs(e.commissionId()), e.commissionId(), e.returnedBy(), "returned:" + e.comment());
    }

    private void programme(Collection<Long> people, long commissionId, String by, String what) {
        String code = jdbc.sql("select code from commission where id = :id").param("id", commissionId)
                .query(String.class).optional().orElse("");
        insert(people.stream().map(p -> new Item(p, MailKind.PROGRAMME_APPROVAL, "programme:" + commissionId, commissionId,
                by, code, what, "commissions/" + code + "/programme", null)).toList());
    }

    private void insert(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        var created = OutboxSender.at(now);
        var after = OutboxSender.at(now.plus(config.delay));
        jdbcTemplate.batchUpdate("""
                insert into mail_item (person_id, kind, group_key, commission_id, actor_name, subject, body, link,
                    due_date, created_at, deliver_after, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW')""", items.stream().map(i -> new Object[] {
                        i.personId(), i.kind().name(), i.groupKey(), i.commissionId(), cut(i.actor(), 200),
                        cut(i.subject(), 300), i.body() == null ? null : cut(i.body(), 4000), i.link(),
                        i.due() == null ? null : Date.valueOf(i.due()), created, after}).toList());
    }

    /** The post as text (its stored HTML is already sanitised; the e-mail escapes it again). */
    static String text(String html) {
        var doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        doc.select("br").after("\\n");
        doc.select("p, li, blockquote, pre, h1, h2, h3, h4").after("\\n\\n");
        String text = doc.text().replace("\\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        return cut(text, BODY_MAX);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private record RoundFacts(String title, @Nullable Long openedBy, long comments, long commenters) {
    }

    private record PostFacts(String html, long threadAuthor, @Nullable Long repliedTo) {
    }

    private record Item(long personId, MailKind kind, String groupKey, @Nullable Long commissionId, String actor,
            String subject, @Nullable String body, String link, @Nullable LocalDate due) {
    }
}
