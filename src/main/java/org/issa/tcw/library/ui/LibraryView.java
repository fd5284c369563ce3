package org.issa.tcw.library.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.exchange.DocumentExports;
import org.issa.tcw.documents.workflow.LibraryEntry;
import org.issa.tcw.documents.workflow.LibraryQuery;
import org.issa.tcw.documents.workflow.PublishedLibrary;
import org.issa.tcw.programme.MilestoneService;
import org.issa.tcw.programme.PriorityRow;
import org.issa.tcw.programme.PriorityService;
import org.issa.tcw.programme.TrienniumRow;
import org.issa.tcw.programme.TrienniumService;

/**
 * The library of published outputs: every published document, for every signed-in person,
 * filtered by commission, kind, language, triennium (of the projects it delivers, else the year of
 * publication) and priority (the
 * deliverables of its projects' milestones), with the available languages and Word/PDF downloads.
 * {@code ?commission=CODE} preselects a commission (the link of a commission page).
 */
@Route("library")
@Menu(title = "nav.library", order = 35, icon = "tcw:book")
@PermitAll
class LibraryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PublishedLibrary library;
    private final MilestoneService milestones;
    private final DocumentExports exports;
    final ComboBox<CommissionSummary> commission = new ComboBox<>();
    final ComboBox<DocumentKind> kind = new ComboBox<>();
    final ComboBox<WorkingLanguage> language = new ComboBox<>();
    final ComboBox<TrienniumRow> triennium = new ComboBox<>();
    final ComboBox<PriorityRow> priority = new ComboBox<>();
    final Grid<LibraryEntry> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    private final PriorityService priorities;
    private final java.util.Map<Long, TrienniumRow> trienniumsById = new java.util.HashMap<>();
    /** Entry → the trienniums of the projects it delivers (read with the entries). */
    private java.util.Map<Long, Set<Long>> trienniumsOf = java.util.Map.of();

    LibraryView(PublishedLibrary library, CommissionService commissions, TrienniumService trienniums,
            PriorityService priorities, MilestoneService milestones, DocumentExports exports) {
        this.library = library;
        this.milestones = milestones;
        this.priorities = priorities;
        this.exports = exports;
        addClassName("tcw-page");
        setWidthFull();
        var heading = new H2(getTranslation("library.title"));
        heading.setId("library-title");
        var intro = new Paragraph(getTranslation("library.intro"));
        commission.setId("library-commission");
        commission.setLabel(getTranslation("library.commission"));
        commission.setItems(commissions.activeCommissions());
        commission.setItemLabelGenerator(c -> c.code() + " · " + c.name());
        kind.setId("library-kind");
        kind.setLabel(getTranslation("library.kind"));
        kind.setItems(DocumentKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("document.kind." + k.name()));
        language.setId("library-language");
        language.setLabel(getTranslation("library.language"));
        language.setItems(WorkingLanguage.values());
        language.setItemLabelGenerator(l -> getTranslation("document.language." + l.name()));
        triennium.setId("library-triennium");
        triennium.setLabel(getTranslation("library.triennium"));
        List<TrienniumRow> allTrienniums = trienniums.all();
        allTrienniums.forEach(t -> trienniumsById.put(t.id(), t));
        triennium.setItems(allTrienniums);
        triennium.setItemLabelGenerator(TrienniumRow::label);
        priority.setId("library-priority");
        priority.setLabel(getTranslation("library.priority"));
        priority.setItemLabelGenerator(PriorityRow::title);
        priority.setEnabled(false);
        for (ComboBox<?> box : List.of(commission, kind, language, triennium, priority)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> refresh());
        }
        triennium.addValueChangeListener(e -> {
            priority.clear();
            priority.setEnabled(e.getValue() != null);
            priority.setItems(e.getValue() == null ? List.of() : this.priorities.priorities(e.getValue().id()));
        });
        var filters = new HorizontalLayout(commission, kind, language, triennium, priority);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        grid.setId("library-grid");
        grid.addComponentColumn(this::titleCell).setHeader(getTranslation("library.document")).setFlexGrow(3);
        var commissionColumn = grid.addColumn(e -> e.commissionCode()).setHeader(getTranslation("library.commission"))
                .setAutoWidth(true);
        var kindColumn = grid.addColumn(e -> getTranslation("document.kind." + e.kind().name()))
                .setHeader(getTranslation("library.kind")).setAutoWidth(true);
        var publishedColumn = grid.addColumn(e -> Formats.date(e.publishedAt().atZone(UserZone.current()).toLocalDate(),
                getLocale())).setHeader(getTranslation("library.published")).setAutoWidth(true);
        var trienniumColumn = grid.addColumn(this::trienniumLabel).setHeader(getTranslation("library.triennium"))
                .setAutoWidth(true).setKey("triennium");
        // on a phone the document and its downloads remain (the filters still narrow by the others)
        org.issa.tcw.base.ui.NarrowScreens.hideColumnsWhenNarrow(this, commissionColumn, kindColumn, publishedColumn,
                trienniumColumn);
        grid.addComponentColumn(this::languages).setHeader(getTranslation("library.languages")).setFlexGrow(2)
                .setKey("languages");
        grid.setAllRowsVisible(true);
        empty.setId("library-empty");
        empty.setText(getTranslation("library.empty"));
        add(heading, intro, filters, grid, empty);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getLocation().getQueryParameters().getSingleParameter("commission").orElse(null);
        if (code != null) {
            commission.getListDataView().getItems().filter(c -> c.code().equalsIgnoreCase(code)).findFirst()
                    .ifPresent(commission::setValue);
        }
        refresh();
    }

    void refresh() {
        Set<Long> deliverables = priority.getValue() == null ? null
                : milestones.deliverablesOfPriority(priority.getValue().id());
        TrienniumRow t = triennium.getValue();
        List<LibraryEntry> published = library.published(new LibraryQuery(
                commission.getValue() == null ? null : commission.getValue().code(), kind.getValue(),
                language.getValue(), null, null, deliverables));
        trienniumsOf = milestones.trienniumsOfDocuments(published.stream().map(LibraryEntry::documentId).toList());
        List<LibraryEntry> entries = t == null ? published : published.stream().filter(e -> inTriennium(e, t)).toList();
        grid.setItems(entries);
        empty.setVisible(entries.isEmpty());
    }

    /**
     * The triennium of a document is that of the projects it delivers (their milestones); a
     * document that delivers none belongs to the triennium it was published in.
     */
    private boolean inTriennium(LibraryEntry e, TrienniumRow t) {
        Set<Long> linked = trienniumsOf.get(e.documentId());
        if (linked != null) {
            return linked.contains(t.id());
        }
        int year = e.publishedAt().atZone(java.time.ZoneOffset.UTC).getYear();
        return year >= t.startYear() && year <= t.endYear();
    }

    private String trienniumLabel(LibraryEntry e) {
        Set<Long> linked = trienniumsOf.get(e.documentId());
        if (linked == null) {
            int year = e.publishedAt().atZone(java.time.ZoneOffset.UTC).getYear();
            return trienniumsById.values().stream().filter(t -> year >= t.startYear() && year <= t.endYear())
                    .map(TrienniumRow::label).findFirst().orElse("");
        }
        return linked.stream().map(trienniumsById::get).filter(java.util.Objects::nonNull).map(TrienniumRow::label)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private Div titleCell(LibraryEntry e) {
        var title = new Span(e.title());
        title.addClassName("tcw-library-title");
        var cell = new Div(title);
        cell.setId("library-entry-" + e.documentId());
        return cell;
    }

    /** Each available language: its name and Word/PDF downloads. */
    private Div languages(LibraryEntry e) {
        var cell = new Div();
        for (LibraryEntry.Language l : e.languages()) {
            var name = new Span(l.language().name());
            name.getElement().getThemeList().add("badge");
            name.getElement().setAttribute("title", getTranslation("document.language." + l.language().name()));
            var docx = download(l, true);
            var pdf = download(l, false);
            var line = new HorizontalLayout(name, docx, pdf);
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            line.setSpacing(false);
            line.getStyle().set("flex-wrap", "wrap");
            line.addClassName("tcw-library-language");
            line.setId("library-" + e.documentId() + "-" + l.language().name().toLowerCase(Locale.ROOT));
            cell.add(line);
        }
        return cell;
    }

    private LibraryDownload download(LibraryEntry.Language l, boolean word) {
        var download = new LibraryDownload(getTranslation(word ? "exchange.download.docx" : "exchange.download.pdf"),
                locale -> word ? exports.publishedDocx(l.documentId(), locale)
                        : exports.publishedPdf(l.documentId(), locale));
        download.setId("library-download-" + l.documentId() + (word ? "-docx" : "-pdf"));
        return download;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.title") + " · " + getTranslation("app.title");
    }
}
