package org.issa.tcw.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.comments.domain.DocumentComment;
import org.issa.tcw.documents.comments.domain.DocumentCommentRepository;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A consultation in the demo: every institution's first person is its contact person, and the ICT
 * guideline on digital identity is open for comments by the ICT and EMP commissions until two weeks
 * from now, with comments from several institutions in English, French, German and Spanish (FAM
 * is not consulted: member-fam stays the demo's "other commission" that may not read it). Only
 * when there is no round yet.
 */
@Component
@Profile("demo")
@Order(45)
class ConsultationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConsultationDemoData.class);

    private final JdbcTemplate jdbc;
    private final YjsEngine engine;
    private final DocumentCommentRepository comments;
    private final Clock clock;

    ConsultationDemoData(JdbcTemplate jdbc, YjsEngine engine, DocumentCommentRepository comments, Clock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.comments = comments;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Integer rounds = jdbc.queryForObject("select count(*) from consultation_round", Integer.class);
        List<@Nullable Long> docs = jdbc.queryForList(
                "select id from document where title like 'Guideline on digital identity%' order by id", Long.class);
        if (rounds == null || rounds > 0 || docs.isEmpty()) {
            return;
        }
        Integer contacts = jdbc.queryForObject("select count(*) from consultation_contact", Integer.class);
        if (contacts != null && contacts == 0) {
            jdbc.update("""
                    insert into consultation_contact (institution_id, person_id)
                    select p.institution_id, min(p.id) from person p where p.institution_id is not null
                    group by p.institution_id""");
        }
        long documentId = java.util.Objects.requireNonNull(docs.getFirst());
        long ict = id("select id from commission where code = 'ICT'");
        long emp = id("select id from commission where code = 'EMP'");
        long chair = id("select id from person where username = 'chair-ict'");
        Instant now = clock.instant();
        Instant opened = now.minus(Duration.ofDays(5));
        LocalDate deadline = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(14);
        jdbc.update("""
                insert into consultation_round (document_id, commission_id, state, audience, deadline, introduction,
                    questions, others_visible, opened_by, opened_at)
                values (?, ?, 'OPEN', 'COMMISSIONS', ?, ?, ?, false, ?, ?)""", documentId, ict,
                deadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(),
                "The ICT commission consults the ICT and EMP commissions on its draft guideline on digital identity."
                        + " Please comment on the text itself, in any working language.",
                "1. Is the scope right for institutions without a national identity scheme?\n"
                        + "2. Which references should the guideline cite?", chair, time(opened));
        long roundId = id("select max(id) from consultation_round");
        // the document went to consultation when the round was opened (as ConsultationService does)
        jdbc.update("delete from document_workflow where document_id = ?", documentId);
        jdbc.update("insert into document_workflow (document_id, stage, changed_at) values (?, 'CONSULTATION', ?)",
                documentId, time(opened));
        jdbc.update("insert into document_stage_step (document_id, from_stage, to_stage, by_person_id, at)"
                + " values (?, 'DRAFT', 'CONSULTATION', ?, ?)", documentId, chair, time(opened));
        jdbc.update("insert into consultation_audience (round_id, commission_id) values (?, ?), (?, ?)", roundId, ict,
                roundId, emp);
        jdbc.update("""
                insert into consultation_participant (round_id, person_id, institution_id)
                select ?, p.id, p.institution_id from person p where p.active = true and p.id in
                    (select m.person_id from membership m where m.commission_id in (?, ?) and m.status = 'ACTIVE')""",
                roundId, ict, emp);
        byte[] state = java.util.Objects.requireNonNull(jdbc.queryForObject("select state from document where id = ?", byte[].class, documentId));
        comment(roundId, documentId, state, person("member-ict"), "reliably and inclusively",
                "Please define \"inclusively\": does it cover people without any civil registration?", "TECHNICAL",
                "EN", opened.plus(Duration.ofHours(3)));
        comment(roundId, documentId, state, person("observer-ict"), "data minimisation",
                "Nous proposons de citer le RGPD et la Convention 108+ comme références.", "GENERAL", "FR",
                opened.plus(Duration.ofHours(20)));
        Long german = participantFrom(roundId, "'DE', 'AT', 'CH'");
        if (german != null) {
            comment(roundId, documentId, state, german, "Reuse national identity schemes where they exist.",
                    "Nationale Identitätssysteme sind nicht überall interoperabel; bitte Übergangslösungen nennen.",
                    "TECHNICAL", "DE", opened.plus(Duration.ofDays(2)));
        }
        Long spanish = participantFrom(roundId, "'ES', 'MX', 'AR', 'CL', 'CO', 'UY', 'PE'");
        if (spanish != null) {
            comment(roundId, documentId, state, spanish, "online and at the counter",
                    "Sugerimos «en línea y de forma presencial» en lugar de «en ventanilla».", "EDITORIAL", "ES",
                    opened.plus(Duration.ofDays(3)));
        }
        log.info("Demo consultation round {} open on document {}", roundId, documentId);
    }

    private void comment(long roundId, long documentId, byte[] state, long author, String quote, String text,
            String tag, String language, Instant at) {
        List<String> anchor = engine.anchorFor(List.of(state), quote).join();
        if (anchor.size() != 2) {
            return;
        }
        DocumentComment c = comments.save(DocumentComment.anchored(documentId, author, text,
                "<p>" + Entities.escape(text) + "</p>", anchor.get(0), anchor.get(1), quote, at));
        jdbc.update("insert into consultation_contribution (comment_id, round_id, tag, language) values (?, ?, ?, ?)",
                c.getId(), roundId, tag, language);
    }

    /** The first participant of the round from an institution of these countries, if any. */
    private @Nullable Long participantFrom(long roundId, String countries) {
        List<@Nullable Long> ids = jdbc.queryForList("""
                select p.person_id from consultation_participant p join institution i on i.id = p.institution_id
                where p.round_id = ? and i.country_code in (""" + countries + ") order by p.person_id", Long.class,
                roundId);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private long person(String username) {
        return id("select id from person where username = '" + username + "'");
    }

    private long id(String sql) {
        Long id = jdbc.queryForObject(sql, Long.class);
        return java.util.Objects.requireNonNull(id);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
