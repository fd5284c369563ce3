package org.issa.tcw.documents.versions.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import java.time.Duration;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The History panel: a version downloaded as Word and as PDF, named after the version; versions
 * kept by someone else or automatically appear in an open panel without reloading.
 */
class HistoryPanelTest extends KaribuTest {

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentVersions versions;
    @Autowired
    YjsEngine engine;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void versions_kept_by_someone_else_or_automatically_appear_in_an_open_panel() {
        signInAs("member-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Live history " + System.nanoTime());
        form.setKind(DocumentKind.OTHER);
        form.setLanguage(WorkingLanguage.FR);
        long id = documents.create("ICT", form);
        relay.change(id, CommissionAction.EDIT_DRAFT, log -> engine.typeText(log, "Premier jet", true).join());

        signInAs("observer-ict");
        navigate("documents/" + id);
        assertThat(_find(HistoryPanel.class)).as("built after the first painted frame").isEmpty();
        contentPainted();
        HistoryPanel panel = _get(HistoryPanel.class);
        assertThat(names(panel)).isEmpty();

        signIn.as("chair-ict"); // another person, elsewhere
        versions.name(id, "Named by the chair");
        signIn.as("observer-ict");
        UiPolling.awaitUi(Duration.ofSeconds(30), () -> names(panel).contains("Named by the chair"));

        signIn.out(); // a workflow step asks for a version: kept with nobody signed in
        events.publishEvent(new org.issa.tcw.documents.versions.KeepVersionRequested(id, "Sent to the Bureau"));
        signIn.as("observer-ict");
        UiPolling.awaitUi(Duration.ofSeconds(30), () -> names(panel).contains("Sent to the Bureau"));
        assertThat(names(panel)).containsExactly("Sent to the Bureau", "Named by the chair");
    }

    private static java.util.List<String> names(HistoryPanel panel) {
        return panel.list.getChildren()
                .flatMap(row -> row.getChildren().findFirst().stream())
                .filter(c -> c instanceof com.vaadin.flow.component.html.Span)
                .map(c -> ((com.vaadin.flow.component.html.Span) c).getText()).toList();
    }

    @Test
    void an_observer_downloads_a_named_version_as_word_and_pdf_from_the_history() {
        signInAs("member-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("History download " + System.nanoTime());
        form.setKind(DocumentKind.GUIDELINE);
        form.setLanguage(WorkingLanguage.EN);
        long id = documents.create("ICT", form);
        relay.change(id, CommissionAction.EDIT_DRAFT, log -> engine.typeText(log, "Sent to the Bureau", true).join());
        long version = versions.name(id, "Sent on 3 March");

        signInAs("observer-ict");
        navigate("documents/" + id);
        contentPainted();
        MenuBar menu = _get(MenuBar.class, spec -> spec.withId("version-download-" + version));
        ContextMenuKt._clickItemWithID(menu, "version-download-" + version + "-docx");
        UiPolling.awaitUi(Duration.ofSeconds(90),
                () -> !_find(Anchor.class, spec -> spec.withId("version-download-" + version + "-link")).isEmpty());
        assertThat(_get(Anchor.class, spec -> spec.withId("version-download-" + version + "-link")).getText())
                .contains("Sent on 3 March").endsWith(".docx");
        ContextMenuKt._clickItemWithID(menu, "version-download-" + version + "-pdf");
        UiPolling.awaitUi(Duration.ofSeconds(90),
                () -> _find(Anchor.class, spec -> spec.withId("version-download-" + version + "-link")).stream()
                        .anyMatch(a -> a.getText().endsWith(".pdf")));
        // the current text's menu is still the page's own
        assertThat(_find(MenuBar.class, spec -> spec.withId("download"))).hasSize(1);
    }

    @Autowired
    org.issa.tcw.documents.workflow.LanguageVersions languages;

    @Test
    void the_compare_link_of_a_stale_translation_opens_the_comparison_of_the_source_version_with_now() {
        signInAs("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Source " + System.nanoTime());
        form.setLanguage(WorkingLanguage.EN);
        long en = documents.create("ICT", form);
        org.issa.tcw.documents.DocumentFixtures.type(context, en, "Original text", false);
        form.setTitle("Traduction " + System.nanoTime());
        form.setLanguage(WorkingLanguage.FR);
        long fr = documents.create("ICT", form);
        languages.link(fr, en);
        org.issa.tcw.documents.DocumentFixtures.type(context, en, " changed", false);
        long made = languages.family(en).stream().filter(v -> v.documentId() == fr).findFirst().orElseThrow()
                .sourceVersionId();

        navigate("documents/" + fr);
        Anchor compare = _get(Anchor.class, spec -> spec.withId("language-compare-" + fr));
        assertThat(compare.getHref()).isEqualTo("documents/" + en + "?compare=" + made);
        com.vaadin.flow.component.UI.getCurrent().navigate("documents/" + en,
                com.vaadin.flow.router.QueryParameters.of("compare", String.valueOf(made)));
        contentPainted();
        HistoryPanel panel = _get(HistoryPanel.class);
        UiPolling.awaitUi(Duration.ofSeconds(30), () -> panel.comparison != null && panel.comparison.isOpened());
        assertThat(panel.comparison.getHeaderTitle()).contains("Now");

        // a version of another document in the query opens nothing
        com.vaadin.flow.component.UI.getCurrent().navigate("documents/" + fr,
                com.vaadin.flow.router.QueryParameters.of("compare", String.valueOf(made)));
        contentPainted();
        HistoryPanel other = _get(HistoryPanel.class);
        assertThat(other.comparison).isNull();
    }
}
