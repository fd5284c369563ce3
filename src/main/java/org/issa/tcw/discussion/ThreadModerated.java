package org.issa.tcw.discussion;

import org.jspecify.annotations.Nullable;

/**
 * Published, inside its transaction, when a moderator pins, locks, moves a thread or hides a post.
 * {@code affectedPersonId} is the author of a hidden post (null for thread actions).
 */
public record ThreadModerated(long threadId, long commissionId, Action action, long moderatorId,
        String moderatorName, String threadTitle, @Nullable Long postId, @Nullable Long affectedPersonId,
        @Nullable String reason) {

    public enum Action {
        PINNED, UNPINNED, LOCKED, UNLOCKED, MOVED, POST_HIDDEN, POST_SHOWN
    }
}
