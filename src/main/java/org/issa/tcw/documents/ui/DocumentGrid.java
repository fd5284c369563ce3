package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import org.issa.tcw.base.ui.NarrowScreens;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.documents.DocumentRow;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

/** The lazy documents grid shared by a commission's documents and "my documents". A click opens the editor. */
class DocumentGrid extends Grid<DocumentRow> {

    DocumentGrid(boolean withCommission, Function<PageRequest, List<DocumentRow>> page, java.util.function.LongSupplier count) {
        setId("document-grid");
        // long titles wrap rather than being cut; on a phone the title and the last edit remain (the
        // commission, kind, language and editor come back on a wider screen)
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        var formatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
        addColumn(DocumentRow::title).setHeader(getTranslation("document.title")).setKey("title")
                .setSortProperty("title").setFlexGrow(3);
        Grid.Column<DocumentRow> commission = null;
        if (withCommission) {
            commission = addColumn(DocumentRow::commissionCode).setHeader(getTranslation("document.commission"))
                    .setKey("commission").setAutoWidth(true).setFlexGrow(0);
        }
        var kind = addColumn(r -> getTranslation("document.kind." + r.kind().name())).setHeader(getTranslation("document.kind"))
                .setKey("kind").setSortProperty("kind").setAutoWidth(true).setFlexGrow(1);
        var language = addColumn(r -> getTranslation("document.language." + r.language().name()))
                .setHeader(getTranslation("document.language")).setKey("language").setSortProperty("language")
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(r -> formatter.withLocale(getLocale()).format(r.lastEdited().atZone(UserZone.current())))
                .setHeader(getTranslation("document.last-edited")).setKey("lastEdited").setSortProperty("updatedAt")
                .setAutoWidth(true).setFlexGrow(0);
        var editedBy = addColumn(r -> r.lastEditedBy() == null ? "" : r.lastEditedBy())
                .setHeader(getTranslation("document.edited-by")).setKey("editedBy").setFlexGrow(1);
        NarrowScreens.hideColumnsWhenNarrow(this, kind, language, editedBy);
        if (commission != null) {
            NarrowScreens.hideColumnsWhenNarrow(this, commission);
        }
        setItems(query -> {
            PageRequest request = VaadinSpringDataHelpers.toSpringPageRequest(query);
            if (request.getSort().isUnsorted()) {
                request = request.withSort(Sort.by(Sort.Direction.DESC, "updatedAt"));
            }
            return page.apply(request).stream();
        }, query -> (int) count.getAsLong());
        addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("documents/" + e.getItem().id())));
        org.issa.tcw.base.ui.Keyboard.openRowsOnEnter(this);
    }
}
