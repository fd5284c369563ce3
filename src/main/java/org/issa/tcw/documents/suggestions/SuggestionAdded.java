package org.issa.tcw.documents.suggestions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A suggestion the server sees for the first time in a document of a commission, published once, in
 * the transaction that records it as seen ({@link SuggestionWatch}); {@code text} is (the start of)
 * what it inserts or deletes.
 */
public record SuggestionAdded(long documentId, long commissionId, String suggestionId, long authorId,
        String authorName, String documentTitle, String text) {

    /** Where a notification leads: the document, with the suggestion's card selected. */
    public String link() {
        return "documents/" + documentId + "?suggestion=" + URLEncoder.encode(suggestionId, StandardCharsets.UTF_8);
    }
}
