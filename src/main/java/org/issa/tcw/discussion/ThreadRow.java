package org.issa.tcw.discussion;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A thread as lists show it, for one reader: {@code unreadPosts} is the number of posts after
 * their read marker (0 for muted threads), {@code neverOpened} whether they never opened it.
 */
public record ThreadRow(long id, long commissionId, String commissionCode, String title,
        @Nullable AnchorType anchorType, @Nullable Long anchorId, @Nullable String anchorLabel, String authorName,
        int replyCount, Instant lastPostAt, boolean pinned, boolean locked, long unreadPosts, boolean neverOpened,
        WatchLevel watchLevel) {

    public boolean unread() {
        return unreadPosts > 0;
    }
}
