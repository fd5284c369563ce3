package org.issa.tcw.documents.comments;

/** A committed change to a document's comments (new comment, reply, resolved, reopened). */
public record CommentSignal(long documentId, long commentId) {
}
