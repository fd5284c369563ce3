package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.issa.tcw.documents.templates.DocumentTemplates;
import org.issa.tcw.documents.templates.TemplateView;

/** The document templates, one per kind and working language, for the secretariat to edit. */
@Route("templates")
@Menu(title = "templates.nav", order = 135, icon = "tcw:copy-o")
@RolesAllowed("SECRETARIAT")
class TemplatesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<TemplateView> grid = new Grid<>();

    TemplatesView(DocumentTemplates templates) {
        addClassName("tcw-page");
        setSizeFull();
        var heading = new H2(getTranslation("templates.title"));
        heading.setId("templates-title");
        grid.setId("templates");
        grid.addColumn(t -> getTranslation("document.kind." + t.kind().name())).setHeader(getTranslation("document.kind"))
                .setAutoWidth(true);
        grid.addColumn(t -> getTranslation("document.language." + t.language().name()))
                .setHeader(getTranslation("document.language")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var link = new Anchor("templates/" + t.id(), t.title());
            link.setId("template-" + t.kind().name() + "-" + t.language().name());
            return link;
        }).setHeader(getTranslation("document.title")).setFlexGrow(1);
        grid.setItems(templates.list());
        add(heading, new Paragraph(getTranslation("templates.intro")), grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("templates.title") + " · " + getTranslation("app.title");
    }
}
