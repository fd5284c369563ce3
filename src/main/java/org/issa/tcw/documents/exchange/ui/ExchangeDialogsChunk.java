package org.issa.tcw.documents.exchange.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.internal.DependencyTrigger;
import jakarta.annotation.security.DenyAll;
import java.util.List;

/**
 * Not a page: the entry point through which Vaadin's production build puts the Word import
 * dialog's components (upload, selects) into a chunk of their own, loaded when a
 * {@link WordImportDialog} is first attached (ADR 121).
 * The server asks for a chunk when it attaches a component whose class (or a superclass) has
 * {@code @JsModule}s: the triggers are the page's own parts only, each with a module
 * of its own (a general component as a trigger would load this chunk on every page that shows one;
 * FirstBundleTest checks both). Never registered, never created.
 */
@Route(value = "chunks/word-import", registerAtStartup = false)
@DependencyTrigger(WordImportDialog.class)
@DenyAll
final class ExchangeDialogsChunk extends Div {

    /** What the chunk holds: everything these classes reach. */
    static final List<Class<?>> PARTS = List.of(WordImportDialogOpener.class, WordImportDialog.class);

    private ExchangeDialogsChunk() {
    }
}
