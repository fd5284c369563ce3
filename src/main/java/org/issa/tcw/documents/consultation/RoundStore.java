package org.issa.tcw.documents.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.people.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The rounds, their participants and contributions (SQL, V85). Resolving an audience reads the
 * directory (people, institutions, memberships) as a report would: read-only, in one statement.
 */
@Component
class RoundStore {

    private final JdbcClient jdbc;

    RoundStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    record Round(long id, long documentId, long commissionId, RoundState state, Audience audience, Instant closesAt,
            String introduction, @Nullable String questions, boolean othersVisible, @Nullable Long openedBy,
            Instant openedAt, @Nullable Instant closedAt) {
    }

    record Participant(long personId, @Nullable Long institutionId) {
    }

    record Contribution(long commentId, CommentTag tag, WorkingLanguage language, @Nullable Disposition disposition,
            @Nullable String reason, @Nullable Long disposedBy, @Nullable Instant disposedAt) {
    }

    record InstitutionInfo(long id, String name, @Nullable String acronym, Region region) {
        String label() {
            return label(name, acronym);
        }

        static String label(String name, @Nullable String acronym) {
            return acronym == null ? name : acronym + " · " + name;
        }
    }

    private static final String ROUND = "select id, document_id, commission_id, state, audience, deadline, introduction,"
            + " questions, others_visible, opened_by, opened_at, closed_at from consultation_round";

    /**
     * Open rounds to which a person, or another person of their institution, was invited, and to
     * which nobody of that institution (or the person, without one) has contributed yet: soonest
     * deadline first (one statement).
     */
    List<AwaitingRound> awaiting(long personId, int limit) {
        return jdbc.sql("""
                select r.id, r.document_id, d.title, c.code, r.deadline from consultation_round r
                join document d on d.id = r.document_id join commission c on c.id = r.commission_id
                where r.state = 'OPEN' and exists (
                    select 1 from consultation_participant p left join person me on me.id = :me
                    where p.round_id = r.id
                      and (p.person_id = :me or (me.institution_id is not null and p.institution_id = me.institution_id)))
                  and not exists (
                    select 1 from consultation_contribution k join document_comment dc on dc.id = k.comment_id
                    join person author on author.id = dc.author_id left join person me2 on me2.id = :me
                    where k.round_id = r.id and (dc.author_id = :me
                      or (me2.institution_id is not null and author.institution_id = me2.institution_id)))
                order by r.deadline, r.id
                fetch first :limit rows only""").param("me", personId).param("limit", limit)
                .query((rs, i) -> new AwaitingRound(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    Optional<Round> round(long id) {
        return jdbc.sql(ROUND + " where id = :id").param("id", id).query(RoundStore::round).optional();
    }

    List<Round> ofDocument(long documentId) {
        return jdbc.sql(ROUND + " where document_id = :doc order by id desc").param("doc", documentId)
                .query(RoundStore::round).list();
    }

    long insert(long documentId, long commissionId, Audience audience, Instant closesAt, String introduction,
            @Nullable String questions, boolean othersVisible, long openedBy, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into consultation_round (document_id, commission_id, state, audience, deadline, introduction,
                    questions, others_visible, opened_by, opened_at)
                values (:doc, :commission, 'OPEN', :audience, :deadline, :intro, :questions, :visible, :by, :now)
                """).param("doc", documentId).param("commission", commissionId).param("audience", audience.name())
                .param("deadline", time(closesAt)).param("intro", introduction).param("questions", questions)
                .param("visible", othersVisible).param("by", openedBy).param("now", time(now))
                .update(key, "id");
        return java.util.Objects.requireNonNull(key.getKey()).longValue();
    }

    void audience(long roundId, Collection<Long> commissionIds, Collection<Long> institutionIds) {
        for (Long c : commissionIds) {
            jdbc.sql("insert into consultation_audience (round_id, commission_id) values (:r, :c)")
                    .param("r", roundId).param("c", c).update();
        }
        for (Long i : institutionIds) {
            jdbc.sql("insert into consultation_audience (round_id, institution_id) values (:r, :i)")
                    .param("r", roundId).param("i", i).update();
        }
    }

    /** The active members of these commissions (one statement). */
    int addMembers(long roundId, Collection<Long> commissionIds) {
        return jdbc.sql("""
                insert into consultation_participant (round_id, person_id, institution_id)
                select :r, p.id, p.institution_id from person p
                where p.active = true and p.id in (select m.person_id from membership m
                    where m.commission_id in (:commissions) and m.status = 'ACTIVE')
                """).param("r", roundId).param("commissions", commissionIds).update();
    }

    /** The contact people of these institutions, or of every institution ({@code null}). */
    int addContacts(long roundId, @Nullable Collection<Long> institutionIds) {
        String sql = """
                insert into consultation_participant (round_id, person_id, institution_id)
                select :r, p.id, min(c.institution_id) from consultation_contact c join person p on p.id = c.person_id
                where p.active = true""" + (institutionIds == null ? "" : " and c.institution_id in (:institutions)")
                + " group by p.id";
        var spec = jdbc.sql(sql).param("r", roundId);
        if (institutionIds != null) {
            spec = spec.param("institutions", institutionIds);
        }
        return spec.update();
    }

    List<Participant> participants(long roundId) {
        return jdbc.sql("select person_id, institution_id from consultation_participant where round_id = :r")
                .param("r", roundId)
                .query((rs, i) -> new Participant(rs.getLong(1), nullableLong(rs, 2))).list();
    }

    /** Participants of each of these rounds. */
    Map<Long, Map<Long, @Nullable Long>> participants(Collection<Long> roundIds) {
        Map<Long, Map<Long, @Nullable Long>> out = new HashMap<>();
        if (roundIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select round_id, person_id, institution_id from consultation_participant where round_id in (:r)")
                .param("r", roundIds).query((rs, i) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), nullableLong(rs, 3));
                    return 0;
                }).list();
        return out;
    }

    Map<Long, Contribution> contributions(long roundId) {
        Map<Long, Contribution> out = new HashMap<>();
        jdbc.sql("""
                select comment_id, tag, language, disposition, reason, disposed_by, disposed_at
                from consultation_contribution where round_id = :r""").param("r", roundId).query((rs, i) -> {
                    String d = rs.getString(4);
                    out.put(rs.getLong(1), new Contribution(rs.getLong(1), CommentTag.valueOf(rs.getString(2)),
                            WorkingLanguage.valueOf(rs.getString(3)), d == null ? null : Disposition.valueOf(d),
                            rs.getString(5), nullableLong(rs, 6), instant(rs, 7)));
                    return 0;
                }).list();
        return out;
    }

    void addContribution(long commentId, long roundId, CommentTag tag, WorkingLanguage language) {
        jdbc.sql("""
                insert into consultation_contribution (comment_id, round_id, tag, language)
                values (:c, :r, :tag, :lang)""").param("c", commentId).param("r", roundId).param("tag", tag.name())
                .param("lang", language.name()).update();
    }

    /** Records a disposition (the contribution row is made with the default tag when the comment came without one). */
    void dispose(long commentId, long roundId, WorkingLanguage defaultLanguage, Disposition disposition,
            @Nullable String reason, long by, Instant now) {
        int changed = jdbc.sql("""
                update consultation_contribution set disposition = :d, reason = :reason, disposed_by = :by,
                    disposed_at = :now where comment_id = :c and round_id = :r""")
                .param("d", disposition.name()).param("reason", reason).param("by", by).param("now", time(now))
                .param("c", commentId).param("r", roundId).update();
        if (changed == 0) {
            jdbc.sql("""
                    insert into consultation_contribution (comment_id, round_id, tag, language, disposition, reason,
                        disposed_by, disposed_at) values (:c, :r, 'GENERAL', :lang, :d, :reason, :by, :now)""")
                    .param("c", commentId).param("r", roundId).param("lang", defaultLanguage.name())
                    .param("d", disposition.name()).param("reason", reason).param("by", by).param("now", time(now))
                    .update();
        }
    }

    List<InstitutionInfo> institutions() {
        return jdbc.sql("select id, name, acronym, region from institution order by name")
                .query((rs, i) -> new InstitutionInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Region.valueOf(rs.getString(4)))).list();
    }

    /** Open rounds whose deadline has passed. */
    List<Long> due(Instant now) {
        return jdbc.sql("select id from consultation_round where state = 'OPEN' and deadline <= :now order by id")
                .param("now", time(now)).query(Long.class).list();
    }

    /**
     * Closes the round if it is still open and due: true for the one caller (on any node) whose
     * update changed the row; a concurrent caller waits for its row lock and then finds it closed.
     */
    boolean close(long roundId, Instant now) {
        return jdbc.sql("""
                update consultation_round set state = 'CLOSED', closed_at = :now
                where id = :id and state = 'OPEN' and deadline <= :now""")
                .param("now", time(now)).param("id", roundId).update() == 1;
    }

    /**
     * Moves the deadline of the document's latest round to {@code closesAt} and opens it again if
     * it had closed; true if it changed (the round is still the latest one).
     */
    boolean extend(long roundId, Instant closesAt) {
        return jdbc.sql("""
                update consultation_round set deadline = :deadline, state = 'OPEN', closed_at = null
                where id = :id and id = (select max(l.id) from consultation_round l
                    where l.document_id = consultation_round.document_id)""")
                .param("deadline", time(closesAt)).param("id", roundId).update() == 1;
    }

    /** Every contact person with their institution, by institution and name (one statement). */
    List<ContactRow> contacts() {
        return jdbc.sql("""
                select i.id, i.name, i.acronym, p.id, p.first_name, p.last_name, p.email, p.active
                from consultation_contact c join institution i on i.id = c.institution_id
                join person p on p.id = c.person_id order by i.name, p.last_name, p.first_name, p.id""")
                .query((rs, n) -> new ContactRow(rs.getLong(1),
                        InstitutionInfo.label(rs.getString(2), rs.getString(3)),
                        rs.getLong(4), name(rs.getString(5), rs.getString(6)), rs.getString(7), rs.getBoolean(8)))
                .list();
    }

    /** Active people who are not yet contacts of the institution: its own people first, then by name. */
    List<ConsultationService.AudienceOption> candidates(long institutionId) {
        return jdbc.sql("""
                select p.id, p.first_name, p.last_name, p.email from person p
                where p.active = true and not exists (select 1 from consultation_contact c
                    where c.institution_id = :i and c.person_id = p.id)
                order by case when p.institution_id = :i then 0 else 1 end, p.last_name, p.first_name, p.id""")
                .param("i", institutionId)
                .query((rs, n) -> new ConsultationService.AudienceOption(rs.getLong(1),
                        name(rs.getString(2), rs.getString(3)) + " · " + rs.getString(4))).list();
    }

    boolean institutionExists(long institutionId) {
        return jdbc.sql("select count(*) from institution where id = :i").param("i", institutionId)
                .query(Integer.class).single() > 0;
    }

    /** Whether the person is active; null if there is no such person. */
    @Nullable Boolean personActive(long personId) {
        return jdbc.sql("select active from person where id = :p").param("p", personId).query(Boolean.class)
                .optional().orElse(null);
    }

    boolean isContact(long institutionId, long personId) {
        return jdbc.sql("select count(*) from consultation_contact where institution_id = :i and person_id = :p")
                .param("i", institutionId).param("p", personId).query(Integer.class).single() > 0;
    }

    boolean removeContact(long institutionId, long personId) {
        return jdbc.sql("delete from consultation_contact where institution_id = :i and person_id = :p")
                .param("i", institutionId).param("p", personId).update() == 1;
    }

    private static String name(@Nullable String first, String last) {
        return first == null || first.isBlank() ? last : first + " " + last;
    }

    /** Adds people as contact people of an institution for consultations. */
    void addContact(long institutionId, long personId) {
        jdbc.sql("insert into consultation_contact (institution_id, person_id) values (:i, :p)")
                .param("i", institutionId).param("p", personId).update();
    }

    private static Round round(ResultSet rs, int row) throws SQLException {
        return new Round(rs.getLong("id"), rs.getLong("document_id"), rs.getLong("commission_id"),
                RoundState.valueOf(rs.getString("state")), Audience.valueOf(rs.getString("audience")),
                java.util.Objects.requireNonNull(instant(rs, 6)), rs.getString("introduction"),
                rs.getString("questions"), rs.getBoolean("others_visible"), nullableLong(rs, 10),
                java.util.Objects.requireNonNull(instant(rs, 11)), instant(rs, 12));
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
