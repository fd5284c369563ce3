package org.issa.tcw.discussion;

import java.util.Set;

/**
 * Published when a post (a thread's first post included) is written, inside its transaction.
 * {@code watchers} are the people who watch the thread (notified of every post), without the
 * author; {@code mentioned} the people mentioned in it (they also get a {@link PersonMentioned}).
 */
public record PostCreated(long postId, long threadId, long commissionId, long seq, long authorId, String authorName,
        String threadTitle, Set<Long> watchers, Set<Long> mentioned) {

    public boolean opensThread() {
        return seq == 1;
    }
}
