package org.issa.tcw.programme;

import org.jspecify.annotations.Nullable;

/** A programme priority of a triennium. */
public record PriorityRow(long id, long trienniumId, int sortOrder, String title, @Nullable String description,
        long version) {
}
