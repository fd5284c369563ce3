package org.issa.tcw.discussion;

import org.jspecify.annotations.Nullable;

/**
 * What open views learn live, after the change was committed: a new post (with the post itself, so
 * a thread page can append it without a query), a changed post (edited, removed, hidden,
 * reactions: re-read it by {@code postId}), or a changed thread (pinned, locked, moved).
 */
public record DiscussionSignal(Kind kind, long commissionId, long threadId, @Nullable Long postId,
        @Nullable PostView post) {

    public enum Kind {
        POST_CREATED, POST_CHANGED, THREAD_CHANGED
    }
}
