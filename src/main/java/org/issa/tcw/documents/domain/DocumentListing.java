package org.issa.tcw.documents.domain;

import java.time.Instant;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.jspecify.annotations.Nullable;

/** A document's metadata without its content (for lists and headers). */
public record DocumentListing(long id, long commissionId, String title, DocumentKind kind, WorkingLanguage language,
        Instant updatedAt, @Nullable Long updatedBy, @Nullable Long createdBy, long version) {
}
