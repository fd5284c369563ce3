package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.internal.DependencyTrigger;
import jakarta.annotation.security.DenyAll;
import java.util.List;

/**
 * Not a page: the entry point through which Vaadin's production build puts the document page's
 * dialogs' components (form layout, combo boxes, date picker, checkboxes) into a chunk of their own, loaded
 * when a {@link DocumentDialog} or {@link SuggestOnlyDialog} is first attached (ADR 121). Never
 * registered, never created.
 * The server asks for a chunk when it attaches a component whose class (or a superclass) has
 * {@code @JsModule}s: the triggers are the page's own parts only, each with a module
 * of its own (a general component as a trigger would load this chunk on every page that shows one;
 * FirstBundleTest checks both).
 */
@Route(value = "chunks/document-dialogs", registerAtStartup = false)
@DependencyTrigger({DocumentDialog.class, SuggestOnlyDialog.class})
@DenyAll
final class DocumentDialogsChunk extends Div {

    /** What the chunk holds: everything these classes reach. */
    static final List<Class<?>> PARTS = List.of(DocumentPageDialogOpener.class, DocumentDialog.class,
            SuggestOnlyDialog.class);

    private DocumentDialogsChunk() {
    }
}
