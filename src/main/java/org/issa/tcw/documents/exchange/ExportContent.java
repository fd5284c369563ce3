package org.issa.tcw.documents.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Everything a writer needs: the document tree (see {@code exportTree} in engine.mjs), the cover
 * block's lines already translated, the comments that the tree's markers refer to, and the names
 * of suggestion authors.
 *
 * @param tree     {@code {type:'doc', content:[...]}}
 * @param cover    label → value lines of the cover block (commission, kind, version, date)
 * @param comments comment id → comment
 * @param authors  person id → display name (suggestion authors)
 */
record ExportContent(String title, JsonNode tree, List<Map.Entry<String, String>> cover, String tocTitle,
        String pageLabel, Map<String, Comment> comments, Map<Long, String> authors, String unknownAuthor) {

    /** An open comment: author, date and its text (the thread, replies included). */
    record Comment(String author, Instant createdAt, String text) {
    }

    /** The author's name of a suggestion id ({@code "<person id>:<time base 36>:<random>"}). */
    String suggestionAuthor(String suggestionId) {
        @Nullable Long person = Suggestions.author(suggestionId);
        String name = person == null ? null : authors.get(person);
        return name == null ? unknownAuthor : name;
    }
}
