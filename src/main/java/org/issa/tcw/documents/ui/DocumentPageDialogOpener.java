package org.issa.tcw.documents.ui;

import java.util.List;
import java.util.function.Predicate;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.suggestions.SuggestOnlyService;

/** The {@link DocumentPageDialogs} of the application: creates and opens the dialogs. */
@org.springframework.stereotype.Component
class DocumentPageDialogOpener implements DocumentPageDialogs {

    private final SuggestOnlyService suggestOnly;

    DocumentPageDialogOpener(SuggestOnlyService suggestOnly) {
        this.suggestOnly = suggestOnly;
    }

    @Override
    public void details(DocumentForm form, Predicate<DocumentForm> onSave) {
        new DocumentDialog(form, onSave).open();
    }

    @Override
    public void suggestOnly(long documentId, List<MemberRow> members) {
        new SuggestOnlyDialog(suggestOnly, documentId, members).open();
    }
}
