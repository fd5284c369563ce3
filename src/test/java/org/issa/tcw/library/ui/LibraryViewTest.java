package org.issa.tcw.library.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.workflow.LibraryEntry;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.Test;

/** The library's filters and downloads, and the publications on a commission page, for a person outside FAM. */
class LibraryViewTest extends KaribuTest {

    List<String> titles(LibraryView view) {
        return view.grid.getGenericDataView().getItems().map(LibraryEntry::title).toList();
    }

    static final String GUIDELINE = "Guideline on family benefits for cross-border workers";

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void a_document_belongs_to_the_triennium_of_the_project_it_delivers_else_to_that_of_its_publication() {
        signInAs("member-ict");
        navigate("library");
        LibraryView view = _get(LibraryView.class);
        LibraryEntry guideline = view.grid.getGenericDataView().getItems().filter(e -> e.title().equals(GUIDELINE))
                .findFirst().orElseThrow();
        var trienniums = view.triennium.getListDataView().getItems().toList();
        int published = guideline.publishedAt().atZone(java.time.ZoneOffset.UTC).getYear();
        var ofPublication = trienniums.stream().filter(t -> published >= t.startYear() && published <= t.endYear())
                .findFirst().orElseThrow();
        var other = trienniums.stream().filter(t -> t.id() != ofPublication.id()).findFirst().orElseThrow();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(view.grid,
                titles(view).indexOf(GUIDELINE), "triennium")).isEqualTo(ofPublication.label());
        Long project = jdbc.queryForList("select id from project where triennium_id = ? order by id", Long.class,
                other.id()).stream().findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(project != null, "the demo has a project in another triennium");
        jdbc.update("insert into milestone (project_id, title, due_date, document_id) values (?, ?, ?, ?)", project,
                "Library triennium test", java.time.LocalDate.of(other.startYear(), 6, 30), guideline.documentId());
        try {
            navigate("library");
            LibraryView again = _get(LibraryView.class);
            assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(again.grid,
                    titles(again).indexOf(GUIDELINE), "triennium")).isEqualTo(other.label());
            _setValue(again.triennium, other);
            assertThat(titles(again)).contains(GUIDELINE);
            _setValue(again.triennium, ofPublication);
            assertThat(titles(again)).doesNotContain(GUIDELINE);
        } finally {
            jdbc.update("delete from milestone where title = 'Library triennium test' and document_id = ?",
                    guideline.documentId());
        }
    }

    @Test
    void everyone_signed_in_finds_the_published_guideline_and_the_filters_narrow_the_list() {
        signInAs("member-ict");
        navigate("library");
        LibraryView view = _get(LibraryView.class);
        assertThat(titles(view)).contains(GUIDELINE);
        assertThat(_find(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class)).isNotEmpty();

        _setValue(view.kind, DocumentKind.MEETING_MINUTES);
        assertThat(titles(view)).doesNotContain(GUIDELINE);
        assertThat(view.empty.isVisible()).isTrue();
        view.kind.clear();
        _setValue(view.language, WorkingLanguage.FR);
        assertThat(titles(view)).contains(GUIDELINE);
        _setValue(view.language, WorkingLanguage.ES);
        assertThat(titles(view)).doesNotContain(GUIDELINE);
        view.language.clear();
        CommissionSummary ict = view.commission.getListDataView().getItems().filter(c -> c.code().equals("ICT"))
                .findFirst().orElseThrow();
        _setValue(view.commission, ict);
        assertThat(titles(view)).doesNotContain(GUIDELINE);
        assertThat(view.priority.isEnabled()).isFalse();
        _setValue(view.triennium, view.triennium.getListDataView().getItems().findFirst().orElseThrow());
        assertThat(view.priority.isEnabled()).isTrue();
    }

    @Test
    void a_commission_link_preselects_it_and_a_published_pdf_is_offered_to_a_non_member() {
        signInAs("member-ict");
        com.vaadin.flow.component.UI.getCurrent().navigate("library",
                com.vaadin.flow.router.QueryParameters.of("commission", "FAM"));
        LibraryView view = _get(LibraryView.class);
        assertThat(view.commission.getValue().code()).isEqualTo("FAM");
        assertThat(titles(view)).contains(GUIDELINE);
        LibraryEntry entry = view.grid.getGenericDataView().getItems().filter(e -> e.title().equals(GUIDELINE))
                .findFirst().orElseThrow();
        int row = view.grid.getGenericDataView().getItems().toList().indexOf(entry);
        com.vaadin.flow.component.Component cell = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(
                view.grid, row, "languages");
        String id = "library-download-" + entry.languages().get(1).documentId() + "-pdf";
        LibraryDownload pdf = (LibraryDownload) cell.getElement().getChildren().flatMap(e -> e.getChildren())
                .map(e -> e.getComponent().orElseThrow()).filter(c -> c.getId().orElse("").equals(id))
                .findFirst().orElseThrow();
        pdf.button.click();
        UiPolling.awaitUi(java.time.Duration.ofSeconds(90), () -> pdf.link.isVisible());
        assertThat(pdf.link.isVisible()).isTrue();
        assertThat(pdf.link.getText()).endsWith(".pdf");
    }

    @Test
    void the_commission_page_lists_its_publications() {
        signInAs("member-ict");
        navigate("commissions/FAM");
        Div section = _get(Div.class, spec -> spec.withId("commission-publications"));
        assertThat(section.getElement().getTextRecursively()).contains(GUIDELINE).contains("EN · FR");
        assertThat(_get(Anchor.class, spec -> spec.withId("commission-library-link")).getHref())
                .isEqualTo("library?commission=FAM");
        navigate("commissions/ICT");
        assertThat(_get(Div.class, spec -> spec.withId("commission-publications")).getElement().getTextRecursively())
                .doesNotContain(GUIDELINE);
    }
}
