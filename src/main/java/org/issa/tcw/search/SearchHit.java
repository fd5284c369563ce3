package org.issa.tcw.search;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One item found: its kind and id, its title and a snippet with the matched words marked, the
 * commission it belongs to (absent for people, institutions and commissions), the parent it opens
 * in (a post's thread, a milestone's project) and its position there (a post's number in its
 * thread), a commission's code, and its date.
 */
public record SearchHit(ItemKind kind, long id, Highlighted title, Highlighted snippet, @Nullable Long commissionId,
        @Nullable String commissionCode, @Nullable Long parentId, @Nullable Long position, @Nullable String code, @Nullable Instant date) {
}
