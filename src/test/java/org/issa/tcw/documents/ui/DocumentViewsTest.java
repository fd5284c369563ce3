package org.issa.tcw.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import java.time.Duration;
import org.issa.tcw.testsupport.UiPolling;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.issa.tcw.base.ui.AccessDeniedView;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The documents grid, the new-document form and the editor page, for the roles that may and may not. */
class DocumentViewsTest extends KaribuTest {

    @Autowired
    DocumentService documents;

    long document(String title) {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle(title);
        form.setKind(DocumentKind.TECHNICAL_REPORT);
        form.setLanguage(WorkingLanguage.DE);
        return documents.create("ICT", form);
    }

    @Test
    void a_member_creates_a_document_from_the_commissions_documents_and_lands_in_the_editor() {
        signInAs("member-ict");
        navigate("commissions/ICT/documents");
        assertThat(_get(H2.class, spec -> spec.withId("documents-title")).getText()).isEqualTo("ICT · Documents");
        _click(_get(Button.class, spec -> spec.withId("new-document")));
        String title = "Report on digital identity " + System.nanoTime();
        _setValue(_get(TextField.class, spec -> spec.withId("title")), title);
        @SuppressWarnings("unchecked")
        ComboBox<DocumentKind> kind = _get(ComboBox.class, spec -> spec.withId("kind"));
        _setValue(kind, DocumentKind.GOOD_PRACTICE);
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(_get(H2.class, spec -> spec.withId("document-title")).getText()).isEqualTo(title);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).startsWith("documents/");
        _get(CollaborativeEditor.class);
        assertThat(_find(Paragraph.class, spec -> spec.withId("read-only-note"))).isEmpty();
    }

    @Test
    void a_document_without_a_title_is_not_created() {
        signInAs("chair-ict");
        navigate("commissions/ICT/documents");
        long before = documents.count("ICT");
        _click(_get(Button.class, spec -> spec.withId("new-document")));
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(_get(TextField.class, spec -> spec.withId("title")).isInvalid()).isTrue();
        assertThat(documents.count("ICT")).isEqualTo(before);
    }

    @Test
    void a_title_that_would_lie_is_explained_at_the_field_and_not_created() {
        signInAs("chair-ict");
        navigate("commissions/ICT/documents");
        long before = documents.count("ICT");
        _click(_get(Button.class, spec -> spec.withId("new-document")));
        TextField title = _get(TextField.class, spec -> spec.withId("title"));
        _setValue(title, org.issa.tcw.base.HostileText.RLO);
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Title contains control or text-direction characters (such as NUL "
                + "or a right-to-left override) that are not allowed. Remove them and type the text again.");
        _setValue(title, "\u200B\u200B");
        assertThat(title.getErrorMessage()).isEqualTo("Title must contain visible characters, not only spaces or "
                + "invisible ones.");
        _setValue(title, "x".repeat(201));
        assertThat(title.getErrorMessage()).isEqualTo("Title may have at most 200 characters.");
        assertThat(documents.count("ICT")).isEqualTo(before);
    }

    @Test
    void the_grid_lists_the_commissions_documents_and_my_documents_lists_them_too() {
        long id = document("Grid listed " + System.nanoTime());
        signInAs("chair-ict");
        navigate("commissions/ICT/documents");
        DocumentGrid grid = _get(DocumentGrid.class);
        assertThat(GridKt._size(grid)).isPositive();
        assertThat(GridKt._findAll(grid)).anyMatch(r -> r.id() == id);
        navigate("documents");
        DocumentGrid mine = _get(DocumentGrid.class);
        assertThat(GridKt._findAll(mine)).anyMatch(r -> r.id() == id && r.commissionCode().equals("ICT"));
    }

    @Test
    void an_observer_downloads_a_word_file_but_sees_no_word_import_a_member_sees_both() {
        long id = document("Downloaded " + System.nanoTime());
        signInAs("observer-ict");
        navigate("commissions/ICT/documents");
        assertThat(_find(Button.class, spec -> spec.withId("import-word"))).isEmpty();
        navigate("documents/" + id);
        assertThat(_find(Button.class, spec -> spec.withId("replace-from-word"))).isEmpty();
        MenuBar menu = _get(MenuBar.class, spec -> spec.withId("download"));
        ContextMenuKt._clickItemWithID(menu, "download-docx");
        UiPolling.awaitUi(Duration.ofSeconds(90), () -> !_find(Anchor.class, spec -> spec.withId("download-link")).isEmpty());
        assertThat(_get(Anchor.class, spec -> spec.withId("download-link")).getText()).startsWith("Save Downloaded ")
                .endsWith(".docx");
        signInAs("member-ict");
        navigate("commissions/ICT/documents");
        _get(Button.class, spec -> spec.withId("import-word"));
        navigate("documents/" + id);
        _get(Button.class, spec -> spec.withId("replace-from-word"));
    }

    @Test
    void a_search_link_opens_the_editor_with_the_matched_words_to_mark() {
        long id = document("Found " + System.nanoTime());
        signInAs("observer-ict");
        UI.getCurrent().navigate("documents/" + id, com.vaadin.flow.router.QueryParameters.fromString(
                "find=s%C3%A9curit%C3%A9&find=sociale&find=sociale&find=%20&find=" + "x".repeat(101)));
        var terms = _get(CollaborativeEditor.class).getElement().getPropertyRaw("findTerms");
        assertThat(terms).isInstanceOf(tools.jackson.databind.node.ArrayNode.class);
        assertThat(((tools.jackson.databind.node.ArrayNode) terms).valueStream().map(n -> n.asString()).toList())
                .containsExactly("sécurité", "sociale");
        navigate("documents/" + id);
        assertThat(((tools.jackson.databind.node.ArrayNode) _get(CollaborativeEditor.class).getElement()
                .getPropertyRaw("findTerms")).isEmpty()).isTrue();
    }

    @Test
    void an_observer_sees_the_documents_but_no_create_button_and_a_read_only_editor() {
        long id = document("Observed " + System.nanoTime());
        signInAs("observer-ict");
        navigate("commissions/ICT/documents");
        _get(DocumentGrid.class);
        assertThat(_find(Button.class, spec -> spec.withId("new-document"))).isEmpty();
        navigate("documents/" + id);
        _get(Paragraph.class, spec -> spec.withId("read-only-note"));
        _get(CollaborativeEditor.class);
        assertThat(_find(Button.class, spec -> spec.withId("details"))).isEmpty();
        // the document's threads are listed below it (once the content is painted), and observers may start one
        contentPainted();
        _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("discussion-panel"));
    }

    @Test
    void a_member_of_another_commission_cannot_open_the_list_or_the_document() {
        long id = document("Private to ICT " + System.nanoTime());
        signInAs("member-fam");
        navigate("commissions/ICT/documents");
        _get(AccessDeniedView.class);
        assertThat(_find(DocumentGrid.class)).isEmpty();
        navigate("documents/" + id);
        _get(AccessDeniedView.class);
        assertThat(_find(CollaborativeEditor.class)).isEmpty();
    }
}
