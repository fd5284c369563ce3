package org.issa.tcw.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.templates.TemplateView;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "New document" with a template of the chosen kind and language, and the secretariat's template pages. */
class TemplateViewsTest extends KaribuTest {

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    YjsEngine engine;

    @SuppressWarnings("unchecked")
    @Test
    void a_member_starts_french_minutes_from_the_template_offered_for_kind_and_language() {
        signInAs("member-ict");
        navigate("commissions/ICT/documents");
        long before = documents.count("ICT");
        _click(_get(Button.class, spec -> spec.withId("new-document")));
        ComboBox<TemplateView> template = _get(ComboBox.class, spec -> spec.withId("template"));
        assertThat(template.isEnabled()).as("blank is the default").isFalse();
        String title = "PV de la réunion de Genève " + System.nanoTime();
        _setValue(_get(TextField.class, spec -> spec.withId("title")), title);
        _setValue(_get(ComboBox.class, spec -> spec.withId("kind")), DocumentKind.MEETING_MINUTES);
        _setValue(_get(ComboBox.class, spec -> spec.withId("language")), WorkingLanguage.DE);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("start")), DocumentDialog.Start.TEMPLATE);
        assertThat(template.isEnabled()).isTrue();
        assertThat(ComboBoxKt.getSuggestions(template)).containsExactly("Sitzungsprotokoll");
        // another language: that language's template is offered instead
        _setValue(_get(ComboBox.class, spec -> spec.withId("language")), WorkingLanguage.FR);
        assertThat(ComboBoxKt.getSuggestions(template)).containsExactly("Procès-verbal de réunion");
        assertThat(template.getValue().language()).isEqualTo(WorkingLanguage.FR);
        assertThat(template.getValue().kind()).isEqualTo(DocumentKind.MEETING_MINUTES);
        _click(_get(Button.class, spec -> spec.withId("save")));

        assertThat(_get(H2.class, spec -> spec.withId("document-title")).getText()).isEqualTo(title);
        long id = Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation().getPath()
                .substring("documents/".length()));
        assertThat(documents.count("ICT")).isEqualTo(before + 1);
        String text = relay.read(id, log -> engine.render(log).join().text());
        assertThat(text).contains("Participants", "Ordre du jour", "Décisions", "Actions");
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_blank_document_stays_blank() {
        signInAs("chair-ict");
        navigate("commissions/ICT/documents");
        _click(_get(Button.class, spec -> spec.withId("new-document")));
        _setValue(_get(TextField.class, spec -> spec.withId("title")), "Blank " + System.nanoTime());
        _setValue(_get(ComboBox.class, spec -> spec.withId("kind")), DocumentKind.MEETING_MINUTES);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("start")), DocumentDialog.Start.TEMPLATE);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("start")), DocumentDialog.Start.BLANK);
        _click(_get(Button.class, spec -> spec.withId("save")));
        long id = Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation().getPath()
                .substring("documents/".length()));
        String text = relay.read(id, log -> engine.render(log).join().text());
        assertThat(text).isBlank();
    }

    @Test
    void the_secretariat_lists_the_templates_and_edits_one_in_the_editor() {
        signInAs("secretariat");
        navigate("templates");
        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<TemplateView>) _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("templates"));
        assertThat(GridKt._size(grid)).isEqualTo(DocumentKind.values().length * WorkingLanguage.values().length);
        TemplateView minutesEs = GridKt._findAll(grid).stream()
                .filter(t -> t.kind() == DocumentKind.MEETING_MINUTES && t.language() == WorkingLanguage.ES)
                .findFirst().orElseThrow();
        navigate("templates/" + minutesEs.id());
        assertThat(_get(H2.class, spec -> spec.withId("template-title")).getText())
                .isEqualTo("Template: Meeting minutes · Spanish");
        _get(CollaborativeEditor.class);
        _get(Anchor.class, spec -> spec.withId("templates-link"));
        assertThat(relay.may(minutesEs.id(), CommissionAction.EDIT_DRAFT)).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("delete"))).isEmpty();
    }
}
