package org.issa.tcw.documents.comments;

import java.util.Set;

/**
 * Published, inside the comment's transaction, for every new comment or reply on a document (on
 * the text or on a suggestion). {@code mentioned} are the people it mentions (they also get a
 * {@link CommentMentioned}); {@code html} is the comment as rendered and sanitised.
 */
public record CommentAdded(long documentId, long commissionId, long commentId, long authorId, String authorName,
        String documentTitle, String html, Set<Long> mentioned) {

    /** Where a notification leads: the document, scrolled to the comment thread, highlighted. */
    public String link() {
        return "documents/" + documentId + "?comment=" + commentId;
    }
}
