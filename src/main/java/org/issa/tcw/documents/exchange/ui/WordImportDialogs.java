package org.issa.tcw.documents.exchange.ui;

import org.jspecify.annotations.Nullable;

/**
 * Opens the Word import dialog. {@link ExchangeControls} and the button know the dialog only through
 * this interface, so that the dialog's components come with {@link ExchangeDialogsChunk}'s chunk
 * when it opens, not with the chunk of every page showing the button (ADR 121).
 */
interface WordImportDialogs {

    /** Opens the dialog: replacing {@code documentId}'s content, or a new document of {@code commissionCode}. */
    void open(@Nullable Long documentId, @Nullable String commissionCode);
}
