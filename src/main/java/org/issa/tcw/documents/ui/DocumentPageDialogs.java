package org.issa.tcw.documents.ui;

import java.util.List;
import java.util.function.Predicate;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.documents.DocumentForm;

/**
 * Opens the document page's own dialogs (details, suggest-only settings). The page knows them only
 * through this interface, so that their form layout, combo boxes and checkboxes come with
 * {@link DocumentDialogsChunk}'s chunk when one opens, not with the page's route chunk (ADR 121).
 */
interface DocumentPageDialogs {

    /** The details dialog of a document; {@code onSave} stores the form and says whether it worked. */
    void details(DocumentForm form, Predicate<DocumentForm> onSave);

    /** The suggest-only settings of a document, {@code members} being its commission's members. */
    void suggestOnly(long documentId, List<MemberRow> members);
}
