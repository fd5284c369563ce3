package org.issa.tcw.documents.comments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment from an imported file (a Word comment, docs/adr/090), to be stored on the document.
 *
 * @param key       its id in the file
 * @param parentKey the comment it replies to, or null for the first of a thread
 * @param author    the name the file gives its author (no person is looked up or created)
 * @param date      when the file says it was written, if it says
 * @param text      its text (Markdown; mentions are not resolved)
 * @param from      base64 relative position of its range's start in the imported text (first of a thread)
 * @param to        base64 relative position of its range's end
 * @param done      whether the file marks the thread done
 */
public record ImportedComment(String key, @Nullable String parentKey, String author, @Nullable Instant date,
        String text, @Nullable String from, @Nullable String to, boolean done) {
}
