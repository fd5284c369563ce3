package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.templates.DocumentTemplates;
import org.issa.tcw.documents.templates.TemplateView;
import org.issa.tcw.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * A template open in the co-authoring editor (the secretariat): the same editor and relay as a
 * commission's document, without comments, suggestions or discussion.
 */
@Route("templates/:id")
@RolesAllowed("SECRETARIAT")
class TemplateEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Executor EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();
    private static final Logger log = LoggerFactory.getLogger(TemplateEditorView.class);

    private final DocumentTemplates templates;
    private final DocumentCollaboration collaboration;
    private final EditorSockets editorSockets;
    private final CurrentUser currentUser;
    private String title = "";
    @SuppressWarnings("NullAway.Init") // set in beforeEnter
    CollaborativeEditor editor;

    TemplateEditorView(DocumentTemplates templates, DocumentCollaboration collaboration, CurrentUser currentUser,
            EditorSockets editorSockets) {
        this.editorSockets = editorSockets;
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
        editor = new CollaborativeEditor(collaboration, editorSockets, id, currentUser.require().displayName());
        editor.getElement().getStyle().set("width", "100%");
        var reset = new Button(getTranslation("templates.reset"), e -> confirmReset(id));
        reset.setId("template-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, heading, note, reset, editor);
    }

    /** Reset to the shipped template (docs/adr/090), after confirmation; done off the request thread. */
    private void confirmReset(long id) {
        var dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("templates.reset.title"));
        dialog.setText(getTranslation("templates.reset.confirm"));
        var ok = new Button(getTranslation("templates.reset"), e -> {
            dialog.close();
            UI ui = UI.getCurrent();
            CompletableFuture.supplyAsync(() -> templates.reset(id), new DelegatingSecurityContextExecutor(EXECUTOR))
                    .whenComplete((changed, failure) -> ui.access(() -> {
                        if (failure != null) {
                            Feedback.failure(this, failure, "templates.reset.failed", log);
                        } else {
                            Feedback.success(getTranslation(changed ? "templates.reset.done" : "templates.reset.unchanged"));
                        }
                    }));
        });
        ok.setId("template-reset-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.setConfirmButton(ok);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
