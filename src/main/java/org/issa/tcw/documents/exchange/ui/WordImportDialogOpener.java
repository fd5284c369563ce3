package org.issa.tcw.documents.exchange.ui;

import org.issa.tcw.documents.exchange.ImportLimits;
import org.issa.tcw.documents.exchange.WordImports;
import org.jspecify.annotations.Nullable;

/** The {@link WordImportDialogs} of the application: creates and opens a {@link WordImportDialog}. */
@org.springframework.stereotype.Component
class WordImportDialogOpener implements WordImportDialogs {

    private final WordImports imports;
    private final ImportLimits limits;

    WordImportDialogOpener(WordImports imports, ImportLimits limits) {
        this.imports = imports;
        this.limits = limits;
    }

    @Override
    public void open(@Nullable Long documentId, @Nullable String commissionCode) {
        new WordImportDialog(imports, limits, documentId, commissionCode).open();
    }
}
