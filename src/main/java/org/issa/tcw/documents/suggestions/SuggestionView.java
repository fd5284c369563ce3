package org.issa.tcw.documents.suggestions;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One suggestion as the review list shows it: its id, author (null: the id names nobody known),
 * when it was made (epoch millis, from its id; 0 if unknown), its kinds (insertion, deletion,
 * modification, block-insertion, ...) and the start of its text.
 */
public record SuggestionView(String id, @Nullable Long authorId, @Nullable String authorName, long madeAt,
        List<String> kinds, String text, boolean mine) {
}
