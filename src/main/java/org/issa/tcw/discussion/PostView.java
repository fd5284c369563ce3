package org.issa.tcw.discussion;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post as a thread page shows it. {@code html} is sanitized HTML rendered from the author's
 * Markdown, empty when the post was removed or hidden (then {@code deleted} or
 * {@code hiddenReason} tells why). {@code source} is the Markdown, given only to its author (to
 * edit) and for quoting; empty for removed and hidden posts.
 */
public record PostView(long id, long threadId, long seq, long authorId, String authorName, String html,
        String source, Instant createdAt, boolean edited, boolean deleted, @Nullable String hiddenReason,
        @Nullable Long replyToSeq, @Nullable String replyToAuthor, List<ReactionCount> reactions, long version) {

    public boolean visible() {
        return !deleted && hiddenReason == null;
    }

    /** How many people reacted with one reaction, and whether the reader is one of them. */
    public record ReactionCount(Reaction reaction, long count, boolean mine) {
    }
}
