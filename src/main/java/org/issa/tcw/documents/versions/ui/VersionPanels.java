package org.issa.tcw.documents.versions.ui;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;

/**
 * Makes the History panel for the document editor page (which only knows this interface). An
 * interface so that the page's code does not reach the panel's classes: its combo boxes, fields,
 * dialogs and comparison come with {@link VersionsChunk}'s chunk after the first paint, not with
 * the page's route chunk (ADR 121).
 */
public interface VersionPanels {

    /** The History panel of a document. */
    Component forDocument(long documentId);

    /**
     * The History panel of a document, opening at once the comparison of one of its versions with
     * the current text (e.g. the source version a translation was made from; a version that is not
     * the document's is ignored).
     */
    Component forDocument(long documentId, @Nullable Long compareWithNow);
}
