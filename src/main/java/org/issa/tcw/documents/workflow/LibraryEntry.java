package org.issa.tcw.documents.workflow;

import java.time.Instant;
import java.util.List;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;

/**
 * A published document in the library, with its published language versions (itself first).
 */
public record LibraryEntry(long documentId, String title, long commissionId, String commissionCode,
        String commissionName, DocumentKind kind, WorkingLanguage language, Instant publishedAt,
        List<Language> languages) {

    /** A published language version of the entry (the document itself or a translation). */
    public record Language(long documentId, WorkingLanguage language, String title) {
    }
}
