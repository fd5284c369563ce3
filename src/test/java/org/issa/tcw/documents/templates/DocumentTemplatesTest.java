package org.issa.tcw.documents.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Templates through the real services, engine and database: one per kind and working language with
 * its sections in that language, a new document from a template in each language (content through
 * the relay), the secretariat's edits reaching the next document and not the earlier ones, who may
 * create from and edit templates, and bad input refused with nothing created.
 */
@SpringTest
class DocumentTemplatesTest {

    @Autowired
    DocumentTemplates templates;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void every_kind_has_a_template_in_every_working_language() {
        signIn.as("member-ict");
        List<TemplateView> all = templates.list();
        assertThat(all).hasSize(DocumentKind.values().length * WorkingLanguage.values().length);
        for (DocumentKind kind : DocumentKind.values()) {
            for (WorkingLanguage language : WorkingLanguage.values()) {
                assertThat(templates.list(kind, language)).as(kind + " " + language).hasSize(1);
            }
        }
        assertThat(templates.list(DocumentKind.MEETING_MINUTES, WorkingLanguage.DE).getFirst().title())
                .isEqualTo("Sitzungsprotokoll");
        assertThat(templates.list(DocumentKind.MEETING_MINUTES, WorkingLanguage.FR).getFirst().title())
                .isEqualTo("Procès-verbal de réunion");
    }

    @Test
    void a_member_creates_minutes_from_the_template_in_each_working_language() {
        Map<WorkingLanguage, List<String>> sections = Map.of(
                WorkingLanguage.EN, List.of("Attendance", "Agenda", "Decisions", "Actions", "Responsible"),
                WorkingLanguage.FR, List.of("Participants", "Ordre du jour", "Décisions", "Actions", "Responsable"),
                WorkingLanguage.ES, List.of("Asistentes", "Orden del día", "Decisiones", "Acciones", "Responsable"),
                WorkingLanguage.DE, List.of("Anwesende", "Tagesordnung", "Beschlüsse", "Aufgaben", "Verantwortlich"));
        signIn.as("member-ict");
        for (var entry : sections.entrySet()) {
            long template = templates.list(DocumentKind.MEETING_MINUTES, entry.getKey()).getFirst().id();
            long id = templates.newDocument("ICT", form("Minutes " + entry.getKey(), DocumentKind.MEETING_MINUTES,
                    entry.getKey()), template);
            assertThat(documents.open(id).title()).isEqualTo("Minutes " + entry.getKey());
            String text = text(id);
            assertThat(text).as(entry.getKey().name()).contains(entry.getValue());
            // the same content as the template, as a change of the relay's log
            signIn.as("secretariat");
            assertThat(text).isEqualTo(text(template));
            signIn.as("member-ict");
        }
    }

    @Test
    void the_secretariats_edit_of_a_template_reaches_the_next_document_not_the_earlier_ones() {
        signIn.as("chair-ict");
        long template = templates.list(DocumentKind.TECHNICAL_REPORT, WorkingLanguage.ES).getFirst().id();
        long before = templates.newDocument("ICT", form("Informe antes", DocumentKind.TECHNICAL_REPORT,
                WorkingLanguage.ES), template);
        signIn.as("secretariat");
        assertThat(templates.open(template).kind()).isEqualTo(DocumentKind.TECHNICAL_REPORT);
        relay.change(template, CommissionAction.EDIT_DRAFT,
                log -> engine.typeText(log, "Nota de la secretaría", true).join());
        signIn.as("chair-ict");
        long after = templates.newDocument("ICT", form("Informe después", DocumentKind.TECHNICAL_REPORT,
                WorkingLanguage.ES), template);
        assertThat(text(after)).contains("Nota de la secretaría", "Resumen ejecutivo");
        assertThat(text(before)).contains("Resumen ejecutivo").doesNotContain("Nota de la secretaría");
    }

    @Test
    void the_secretariat_resets_an_edited_template_to_the_shipped_content_nobody_else_may() {
        signIn.as("secretariat");
        long template = templates.list(DocumentKind.OTHER, WorkingLanguage.DE).getFirst().id();
        String shipped = relay.read(template, log -> engine.xml(log).join());
        assertThat(templates.reset(template)).as("already the shipped content").isFalse();
        relay.change(template, CommissionAction.EDIT_DRAFT, log -> engine.typeText(log, "Eigene Notiz", true).join());
        for (String who : List.of("admin", "chair-ict", "member-ict")) {
            signIn.as(who);
            assertThatThrownBy(() -> templates.reset(template)).as(who).isInstanceOf(AccessDeniedException.class);
        }
        signIn.as("secretariat");
        assertThat(text(template)).contains("Eigene Notiz");
        assertThat(templates.reset(template)).isTrue();
        String reset = relay.read(template, log -> engine.xml(log).join());
        assertThat(reset).isEqualTo(shipped);
        assertThat(templates.reset(template)).isFalse();
    }

    @Test
    void only_the_secretariat_edits_templates_and_they_are_no_commissions_documents() {
        signIn.as("member-ict");
        long template = templates.list(DocumentKind.GUIDELINE, WorkingLanguage.FR).getFirst().id();
        for (String who : List.of("admin", "chair-ict", "member-ict", "observer-ict")) {
            signIn.as(who);
            assertThatThrownBy(() -> templates.open(template)).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> relay.change(template, CommissionAction.EDIT_DRAFT,
                    log -> engine.typeText(log, "x", true).join())).as(who).isInstanceOf(AccessDeniedException.class);
            assertThat(relay.may(template, CommissionAction.READ)).as(who).isFalse();
            assertThatThrownBy(() -> documents.open(template)).as(who).isInstanceOf(NotFoundException.class);
        }
        signIn.as("secretariat");
        assertThat(templates.open(template).language()).isEqualTo(WorkingLanguage.FR);
        assertThat(relay.may(template, CommissionAction.EDIT_DRAFT)).isTrue();
        // a template is not a commission's document: not commented, reviewed or restored
        assertThat(relay.may(template, CommissionAction.COMMENT_DRAFT)).isFalse();
        assertThat(relay.may(template, CommissionAction.RESTORE_VERSION)).isFalse();
        assertThatThrownBy(() -> documents.open(template)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void creating_from_a_template_needs_edit_draft_in_the_commission() {
        signIn.as("member-ict");
        long template = templates.list(DocumentKind.OTHER, WorkingLanguage.EN).getFirst().id();
        long count = documents.count("ICT");
        for (String who : List.of("observer-ict", "member-fam", "admin")) {
            signIn.as(who);
            assertThatThrownBy(() -> templates.newDocument("ICT", form("Nope", DocumentKind.OTHER, WorkingLanguage.EN),
                    template)).as(who).isInstanceOf(AccessDeniedException.class);
        }
        signIn.as("secretariat");
        long id = templates.newDocument("ICT", form("Note of the secretariat", DocumentKind.OTHER, WorkingLanguage.EN),
                template);
        assertThat(text(id)).contains("Purpose", "Next steps");
        assertThat(documents.count("ICT")).isEqualTo(count + 1);
        documents.delete(id);
    }

    @Test
    void bad_input_is_refused_and_creates_nothing() {
        signIn.as("member-ict");
        long count = documents.count("ICT");
        long minutesEn = templates.list(DocumentKind.MEETING_MINUTES, WorkingLanguage.EN).getFirst().id();
        assertThatThrownBy(() -> templates.newDocument("ICT", form("Unknown", DocumentKind.MEETING_MINUTES,
                WorkingLanguage.EN), Long.MAX_VALUE)).isInstanceOf(UserFacingException.class)
                .hasMessage("templates.refused.unknown");
        assertThatThrownBy(() -> templates.newDocument("ICT", form("Wrong language", DocumentKind.MEETING_MINUTES,
                WorkingLanguage.DE), minutesEn)).isInstanceOf(UserFacingException.class)
                .hasMessage("templates.refused.mismatch");
        assertThatThrownBy(() -> templates.newDocument("ICT", form("Wrong kind", DocumentKind.GUIDELINE,
                WorkingLanguage.EN), minutesEn)).isInstanceOf(UserFacingException.class)
                .hasMessage("templates.refused.mismatch");
        // a commission's document is no template
        long plain = documents.create("ICT", form("Plain", DocumentKind.MEETING_MINUTES, WorkingLanguage.EN));
        assertThatThrownBy(() -> templates.newDocument("ICT", form("From a document", DocumentKind.MEETING_MINUTES,
                WorkingLanguage.EN), plain)).isInstanceOf(UserFacingException.class)
                .hasMessage("templates.refused.unknown");
        documents.delete(plain);
        assertThatThrownBy(() -> templates.newDocument("ICT", form(" ", DocumentKind.MEETING_MINUTES,
                WorkingLanguage.EN), minutesEn)).isInstanceOf(UserFacingException.class);
        assertThat(documents.count("ICT")).isEqualTo(count);
    }

    private String text(long documentId) {
        return relay.read(documentId, log -> engine.render(log).join().text());
    }

    private static DocumentForm form(String title, DocumentKind kind, WorkingLanguage language) {
        DocumentForm form = new DocumentForm();
        form.setTitle(title);
        form.setKind(kind);
        form.setLanguage(language);
        return form;
    }
}
