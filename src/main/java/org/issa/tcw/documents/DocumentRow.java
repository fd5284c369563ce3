package org.issa.tcw.documents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A line of a documents grid. */
public record DocumentRow(long id, String title, DocumentKind kind, WorkingLanguage language, String commissionCode,
        Instant lastEdited, @Nullable String lastEditedBy) {
}
