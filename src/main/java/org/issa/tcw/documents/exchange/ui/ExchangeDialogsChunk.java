package org.issa.tcw.documents.exchange.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.internal.DependencyTrigger;
import jakarta.annotation.security.DenyAll;
import java.util.List;

/**
 * Not a page: the entry point through which Vaadin's production build puts the Word import
 * dialog's components (upload, selects) into a chunk of their own, loaded when a
 * {@link WordImportDialog} is first attached (ADR 121).
 * The server asks for a chunk when it attaches a component whose class (or a superclass) has
 * {@code @JsModule}s: the triggers are these classes and the components they hold whose modules
 * are only in this chunk (FirstBundleTest checks the list). Never registered, never created.
 */
@Route(value = "chunks/word-import", registerAtStartup = false)
@DependencyTrigger({WordImportDialog.class, Select.class, Upload.class})
@DenyAll
final class ExchangeDialogsChunk extends Div {

    /** What the chunk holds: everything these classes reach. */
    static final List<Class<?>> PARTS = List.of(WordImportDialogOpener.class, WordImportDialog.class);

    private ExchangeDialogsChunk() {
    }
}
