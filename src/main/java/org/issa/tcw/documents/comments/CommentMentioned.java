package org.issa.tcw.documents.comments;

/** Published, inside the comment's transaction, for each person mentioned in a new comment or reply. */
public record CommentMentioned(long personId, long documentId, long commentId, String authorName,
        String documentTitle) {

    /** Where the notification leads: the document, scrolled to the comment, highlighted. */
    public String link() {
        return "documents/" + documentId + "?comment=" + commentId;
    }
}
