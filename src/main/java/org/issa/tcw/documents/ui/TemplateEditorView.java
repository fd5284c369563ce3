package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.templates.DocumentTemplates;
import org.issa.tcw.documents.templates.TemplateView;
import org.issa.tcw.security.CurrentUser;

/**
 * A template open in the co-authoring editor (the secretariat): the same editor and relay as a
 * commission's document, without comments, suggestions or discussion.
 */
@Route("templates/:id")
@RolesAllowed("SECRETARIAT")
class TemplateEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DocumentTemplates templates;
    private final DocumentCollaboration collaboration;
    private final CurrentUser currentUser;
    private String title = "";
    @SuppressWarnings("NullAway.Init") // set in beforeEnter
    CollaborativeEditor editor;

    TemplateEditorView(DocumentTemplates templates, DocumentCollaboration collaboration, CurrentUser currentUser) {
        this.templates = templates;
        this.collaboration = collaboration;
        this.currentUser = currentUser;
        addClassName("tcw-page");
        setWidthFull();
        setMaxWidth("72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        TemplateView template;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            template = templates.open(id);
        } catch (NumberFormatException | org.issa.tcw.base.NotFoundException e) {
            throw new NotFoundException();
        }
        title = getTranslation("templates.editor.title", getTranslation("document.kind." + template.kind().name()),
                getTranslation("document.language." + template.language().name()));
        removeAll();
        var heading = new H2(title);
        heading.setId("template-title");
        var back = new Anchor("templates", getTranslation("templates.all"));
        back.setId("templates-link");
        var note = new Paragraph(getTranslation("templates.editor.note"));
        editor = new CollaborativeEditor(collaboration, id, currentUser.require().displayName());
        editor.getElement().getStyle().set("width", "100%");
        add(back, heading, note, editor);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
