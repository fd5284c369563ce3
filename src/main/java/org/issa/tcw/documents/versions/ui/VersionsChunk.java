package org.issa.tcw.documents.versions.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.internal.DependencyTrigger;
import jakarta.annotation.security.DenyAll;
import java.util.List;

/**
 * Not a page: the entry point through which Vaadin's production build puts the History panel's
 * components into a chunk of their own, loaded when a {@link HistoryPanel} is first attached, i.e.
 * after the document page's first paint (ADR 121). Never registered, never created.
 */
@Route(value = "chunks/versions", registerAtStartup = false)
@DependencyTrigger(HistoryPanel.class)
@DenyAll
final class VersionsChunk extends Div {

    /** What the chunk holds: everything these classes reach. */
    static final List<Class<?>> PARTS = List.of(HistoryPanels.class, HistoryPanel.class);

    private VersionsChunk() {
    }
}
