package org.issa.tcw.discussion;

import org.jspecify.annotations.Nullable;

/**
 * A thread as its page shows it, for the signed-in reader: what they may do in it, where their
 * unread posts start ({@code firstUnreadSeq}, 0 when everything is read) and their watch level.
 */
public record ThreadDetails(long id, long commissionId, String commissionCode, String title,
        @Nullable AnchorType anchorType, @Nullable Long anchorId, @Nullable String anchorLabel, boolean pinned,
        boolean locked, long lastSeq, long firstUnreadSeq, WatchLevel watchLevel, boolean mayPost,
        boolean mayModerate, long readerId, long version) {
}
