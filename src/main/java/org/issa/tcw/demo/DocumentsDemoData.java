package org.issa.tcw.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few realistic documents in ICT and FAM, their content made on the server by the same path as
 * every new document's first state (yjs in GraalJS), with the text and HTML the server derives.
 * Only when there are no documents yet.
 */
@Component
@Profile("demo")
@Order(20)
class DocumentsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DocumentsDemoData.class);

    private final DocumentRepository documents;
    private final CommissionRepository commissions;
    private final PersonRepository people;
    private final YjsEngine engine;
    private final Clock clock;

    DocumentsDemoData(DocumentRepository documents, CommissionRepository commissions, PersonRepository people,
            YjsEngine engine, Clock clock) {
        this.documents = documents;
        this.commissions = commissions;
        this.people = people;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (documents.count() > 0 || commissions.findByCode("ICT").isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        create("ICT", "Guideline on digital identity for social security institutions", DocumentKind.GUIDELINE,
                WorkingLanguage.EN, "chair-ict", now.minus(Duration.ofDays(3)), """
                {"type":"doc","content":[
                 {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Digital identity for social security institutions"}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"1. Scope"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"This guideline helps institutions identify the people they serve "},
                   {"type":"text","text":"reliably and inclusively","marks":[{"type":"bold"}]},
                   {"type":"text","text":", online and at the counter, while protecting their personal data."}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"2. Principles"}]},
                 {"type":"bulletList","content":[
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Nobody is left without a way to prove who they are."}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Collect only the data the service needs ("},{"type":"text","text":"data minimisation","marks":[{"type":"italic"}]},{"type":"text","text":")."}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Reuse national identity schemes where they exist."}]}]}]},
                 {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"Draft for discussion at the Technical Commissions Forum — comments welcome in any working language."}]}]}
                ]}""");
        create("ICT", "Minutes of the ICT commission meeting, 14 October", DocumentKind.MEETING_MINUTES,
                WorkingLanguage.EN, "member-ict", now.minus(Duration.ofDays(10)), """
                {"type":"doc","content":[
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Participants"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"Mariana Costa (chair), David Okafor, Sophie Tremblay (observer)."}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Decisions"}]},
                 {"type":"orderedList","attrs":{"start":1},"content":[
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"The digital identity guideline goes to consultation in June."}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"A survey on cloud adoption will be sent to member institutions."}]}]}]}
                ]}""");
        create("ICT", "Rapport technique : l'informatique en nuage dans la sécurité sociale",
                DocumentKind.TECHNICAL_REPORT, WorkingLanguage.FR, "chair-ict", now.minus(Duration.ofDays(1)), """
                {"type":"doc","content":[
                 {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"L'informatique en nuage dans la sécurité sociale"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"Ce rapport décrit les expériences de douze institutions membres avec l'informatique en nuage."}]}
                ]}""");
        create("FAM", "Good practices in family benefit payments", DocumentKind.GOOD_PRACTICE, WorkingLanguage.EN,
                "member-fam", now.minus(Duration.ofDays(5)), """
                {"type":"doc","content":[
                 {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Good practices in family benefit payments"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"Institutions that pay family benefits "},
                   {"type":"text","text":"automatically at birth","marks":[{"type":"bold"}]},
                   {"type":"text","text":" reach more families, sooner. See the "},
                   {"type":"text","text":"ISSA guidelines","marks":[{"type":"link","attrs":{"href":"https://www.issa.int/guidelines"}}]},
                   {"type":"text","text":"."}]}
                ]}""");
        create("FAM", "Leitfaden: Familienleistungen für Grenzgänger", DocumentKind.GUIDELINE, WorkingLanguage.DE,
                "member-fam", now.minus(Duration.ofDays(2)), """
                {"type":"doc","content":[
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Geltungsbereich"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"Dieser Leitfaden beschreibt, wie Träger Familienleistungen für Grenzgänger koordinieren."}]}
                ]}""");
        log.info("Demo documents created: {}", documents.count());
    }

    private void create(String commissionCode, String title, DocumentKind kind, WorkingLanguage language,
            String author, Instant at, String proseMirrorJson) {
        long commissionId = commissions.findByCode(commissionCode).orElseThrow().getId();
        @Nullable Long authorId = people.findByUsernameWithInstitution(author).map(Person::getId).orElse(null);
        byte[] state = engine.initialState(proseMirrorJson).join();
        YjsEngine.Rendering rendering = engine.render(List.of(state)).join();
        documents.save(new Document(commissionId, title, kind, language, authorId, at, state, rendering.text(),
                rendering.html()));
    }
}
