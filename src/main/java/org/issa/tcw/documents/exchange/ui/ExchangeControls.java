package org.issa.tcw.documents.exchange.ui;

import com.vaadin.flow.component.Component;
import java.util.function.Supplier;
import org.issa.tcw.documents.exchange.DocumentExports;
import org.issa.tcw.documents.exchange.WordImports;

/**
 * Makes the Word and PDF controls the document pages embed (which only know this class): the
 * "Download" menu of a document, "Replace content from Word" and "New document from Word file".
 * Every datum goes through {@link DocumentExports} and {@link WordImports}, which check the rights;
 * the import dialog is reached through {@link WordImportDialogs} only (ADR 121).
 */
@org.springframework.stereotype.Component
public class ExchangeControls {

    private final DocumentExports exports;
    private final WordImportDialogs importDialogs;

    ExchangeControls(DocumentExports exports, WordImportDialogs importDialogs) {
        this.exports = exports;
        this.importDialogs = importDialogs;
    }

    /** The "Download" menu (DOCX, PDF of the current text), made off the request thread. */
    public Component download(long documentId) {
        return new DownloadMenu(exports, documentId, "download", () -> DocumentExports.Version.CURRENT);
    }

    /**
     * "Download" of a version (DOCX, PDF), made off the request thread; {@code version} reads the
     * version there (through the versions feature, which checks the rights).
     */
    public Component downloadVersion(long documentId, long versionId, Supplier<DocumentExports.Version> version) {
        return new DownloadMenu(exports, documentId, "version-download-" + versionId, version);
    }

    /** "Replace content from Word" for a document (only shown to those who may edit it). */
    public Component replaceFromWord(long documentId) {
        return new WordImportButton(false, () -> importDialogs.open(documentId, null));
    }

    /** "New document from Word file" in a commission (only shown to those who may create documents). */
    public Component newFromWord(String commissionCode) {
        return new WordImportButton(true, () -> importDialogs.open(null, commissionCode));
    }
}
