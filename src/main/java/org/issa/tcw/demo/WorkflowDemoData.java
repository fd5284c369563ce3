package org.issa.tcw.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.issa.tcw.commission.domain.CommissionRepository;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.domain.Document;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.issa.tcw.people.domain.Person;
import org.issa.tcw.people.domain.PersonRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's published output: a FAM guideline published in English with its French translation
 * (both published, linked as language versions), with the workflow steps that took them there.
 * Written like a data migration (rows, not services), once.
 */
@Component
@Profile("demo")
@Order(25)
class WorkflowDemoData implements ApplicationRunner {

    static final String TITLE_EN = "Guideline on family benefits for cross-border workers";
    static final String TITLE_FR = "Ligne directrice sur les prestations familiales des travailleurs frontaliers";

    private static final Logger log = LoggerFactory.getLogger(WorkflowDemoData.class);

    private final DocumentRepository documents;
    private final CommissionRepository commissions;
    private final PersonRepository people;
    private final YjsEngine engine;
    private final Clock clock;
    private final JdbcClient jdbc;

    WorkflowDemoData(DocumentRepository documents, CommissionRepository commissions, PersonRepository people,
            YjsEngine engine, Clock clock, DataSource dataSource) {
        this.documents = documents;
        this.commissions = commissions;
        this.people = people;
        this.engine = engine;
        this.clock = clock;
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (commissions.findByCode("FAM").isEmpty()
                || jdbc.sql("select count(*) from document_workflow").query(Long.class).single() > 0) {
            return;
        }
        Instant now = clock.instant();
        long en = create(TITLE_EN, WorkingLanguage.EN, now.minus(Duration.ofDays(60)), """
                {"type":"doc","content":[
                 {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Family benefits for cross-border workers"}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"1. Scope"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"This guideline helps institutions coordinate family benefits when parents work in one country and their children live in another."}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"2. Guideline"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"The institution of the country of work pays first; the institution of the country of residence pays the difference."}]}
                ]}""");
        long fr = create(TITLE_FR, WorkingLanguage.FR, now.minus(Duration.ofDays(40)), """
                {"type":"doc","content":[
                 {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Prestations familiales des travailleurs frontaliers"}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"1. Champ d'application"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"Cette ligne directrice aide les institutions à coordonner les prestations familiales lorsque les parents travaillent dans un pays et leurs enfants vivent dans un autre."}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"2. Ligne directrice"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"L'institution du pays de travail paie en premier ; celle du pays de résidence verse la différence."}]}
                ]}""");
        @Nullable Long member = person("member-fam");
        @Nullable Long secretariat = person("secretariat");
        for (long id : List.of(en, fr)) {
            step(id, "DRAFT", "INTERNAL_REVIEW", member, now.minus(Duration.ofDays(30)));
            step(id, "INTERNAL_REVIEW", "APPROVED", member, now.minus(Duration.ofDays(20)));
            step(id, "APPROVED", "PUBLISHED", secretariat, now.minus(Duration.ofDays(10)));
            jdbc.sql("insert into document_workflow (document_id, stage, changed_at) values (:doc, 'PUBLISHED', :at)")
                    .param("doc", id).param("at", Timestamp.from(now.minus(Duration.ofDays(10)))).update();
        }
        jdbc.sql("""
                insert into document_translation (document_id, source_id, source_seq, linked_by, linked_at)
                values (:fr, :en, (select last_seq from document where id = :en), :by, :at)""")
                .param("fr", fr).param("en", en).param("by", member)
                .param("at", Timestamp.from(now.minus(Duration.ofDays(40)))).update();
        log.info("Demo publication: FAM guideline in EN ({}) and FR ({})", en, fr);
    }

    private @Nullable Long person(String username) {
        return people.findByUsernameWithInstitution(username).map(Person::getId).orElse(null);
    }

    private void step(long documentId, String from, String to, @Nullable Long by, Instant at) {
        jdbc.sql("""
                insert into document_stage_step (document_id, from_stage, to_stage, by_person_id, at)
                values (:doc, :from, :to, :by, :at)""").param("doc", documentId).param("from", from).param("to", to)
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    private long create(String title, WorkingLanguage language, Instant at, String proseMirrorJson) {
        long commissionId = commissions.findByCode("FAM").orElseThrow().getId();
        byte[] state = engine.initialState(proseMirrorJson).join();
        YjsEngine.Rendering rendering = engine.render(List.of(state)).join();
        return documents.saveAndFlush(new Document(commissionId, title, DocumentKind.GUIDELINE, language,
                person("member-fam"), at, state, rendering.text(), rendering.html())).getId();
    }
}
