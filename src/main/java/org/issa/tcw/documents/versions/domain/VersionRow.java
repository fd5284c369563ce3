package org.issa.tcw.documents.versions.domain;

import java.time.Instant;
import org.issa.tcw.documents.versions.VersionKind;
import org.jspecify.annotations.Nullable;

/** A version as listed: everything but its state. */
public record VersionRow(long id, VersionKind kind, @Nullable String name, long seq, @Nullable Long createdBy,
        Instant createdAt, int wordsAdded, int wordsRemoved) {
}
