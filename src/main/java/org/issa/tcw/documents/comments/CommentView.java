package org.issa.tcw.documents.comments;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A comment thread as the panel shows it: the first comment with its anchor and the text it was
 * made on, then its replies.
 *
 * @param from       base64 {@code Y.RelativePosition} of the range's start
 * @param to         base64 {@code Y.RelativePosition} of the range's end
 * @param quote      the text the comment was made on (kept when that text is removed)
 * @param mayResolve whether the reader may resolve or reopen it (its author, or a reviewer)
 * @param fromWord   whether it came from a Word file: then {@code authorName} is the Word author's
 *                   name and {@code createdAt} the Word comment's date (docs/adr/090)
 */
public record CommentView(long id, long authorId, String authorName, Instant createdAt, String html, String from,
        String to, String quote, @Nullable String resolvedBy, @Nullable Instant resolvedAt, boolean mayResolve,
        List<Reply> replies, boolean fromWord) {

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** A reply in a comment thread ({@code fromWord}: as for the thread's first comment). */
    public record Reply(long id, String authorName, Instant createdAt, String html, boolean fromWord) {
    }
}
