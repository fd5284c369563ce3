package org.issa.tcw.documents.versions;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A version as the History panel lists it: its name (null for automatic ones), who kept it (null:
 * the system), when, and the words added and removed against the version before it.
 */
public record VersionView(long id, VersionKind kind, @Nullable String name, @Nullable String createdBy,
        Instant createdAt, int wordsAdded, int wordsRemoved) {
}
