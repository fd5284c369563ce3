package org.issa.tcw.discussion;

import org.jspecify.annotations.Nullable;

/** What it takes to start a thread: its commission, a title, the first post and optionally an anchor. */
public record NewThread(long commissionId, String title, String body, @Nullable Anchor anchor) {
}
