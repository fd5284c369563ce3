package org.issa.tcw.documents.comments;

import java.util.List;

/**
 * A document's comment threads, oldest first (the editor orders them by where their text is), and
 * what the reader may do with them.
 */
public record DocumentCommentList(long documentId, long commissionId, boolean mayComment, boolean mayReview,
        List<CommentView> comments) {
}
