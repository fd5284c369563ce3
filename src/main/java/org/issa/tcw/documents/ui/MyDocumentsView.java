package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.issa.tcw.documents.DocumentService;

/** The documents of every commission I belong to (every commission for the secretariat). */
@Route("documents")
@Menu(title = "nav.documents", order = 30, icon = "tcw:file-text-o")
@PermitAll
class MyDocumentsView extends VerticalLayout implements HasDynamicTitle {

    final DocumentGrid grid;

    MyDocumentsView(DocumentService documents) {
        addClassName("tcw-page");
        setSizeFull();
        var heading = new H2(getTranslation("documents.mine"));
        heading.setId("documents-title");
        grid = new DocumentGrid(true, documents::mine, documents::countMine);
        add(heading, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("documents.mine") + " · " + getTranslation("app.title");
    }
}
