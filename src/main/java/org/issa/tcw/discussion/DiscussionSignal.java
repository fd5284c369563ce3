package org.issa.tcw.discussion;

import org.jspecify.annotations.Nullable;

/**
 * What open views learn live, after the change was committed: a new post (with the post itself, so
 * a thread page can append it without a query), a changed post (edited, removed, hidden,
 * reactions: re-read it by {@code postId}), or a changed thread (pinned, locked, moved).
 */
public record DiscussionSignal(Kind kind, long commissionId, long threadId, @Nullable Long postId,
        @Nullable PostView post) {

    /**
     * What other nodes of a cluster receive: the same signal without the post's contents, which
     * they read from the database (a post may be far longer than a cluster message may be).
     */
    public DiscussionSignal withoutPost() {
        return post == null ? this : new DiscussionSignal(kind, commissionId, threadId, postId, null);
    }

    public enum Kind {
        POST_CREATED, POST_CHANGED, THREAD_CHANGED
    }
}
