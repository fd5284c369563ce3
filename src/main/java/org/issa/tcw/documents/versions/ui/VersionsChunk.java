package org.issa.tcw.documents.versions.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.internal.DependencyTrigger;
import jakarta.annotation.security.DenyAll;
import java.util.List;

/**
 * Not a page: the entry point through which Vaadin's production build puts the History panel's
 * components into a chunk of their own, loaded after the document page's first paint (ADR 121).
 * The server asks for a chunk when it attaches a component whose class (or a superclass) has
 * {@code @JsModule}s: the panel carries a small module of its own for that ({@code tcw-late-part.ts}),
 * and the triggers are the page's own parts only (a general component as a trigger would load this
 * chunk on every page that shows one; FirstBundleTest checks both). Never registered, never created.
 */
@Route(value = "chunks/versions", registerAtStartup = false)
@DependencyTrigger({HistoryPanel.class, VersionDiff.class})
@DenyAll
final class VersionsChunk extends Div {

    /** What the chunk holds: everything these classes reach. */
    static final List<Class<?>> PARTS = List.of(HistoryPanels.class, HistoryPanel.class);

    private VersionsChunk() {
    }
}
