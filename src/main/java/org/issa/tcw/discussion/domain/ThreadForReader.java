package org.issa.tcw.discussion.domain;

import org.issa.tcw.discussion.WatchLevel;
import org.jspecify.annotations.Nullable;

/**
 * A thread with one reader's state: the last sequence number they read (null: never opened) and
 * their own watch level for it (null: the commission's level applies).
 */
public record ThreadForReader(DiscussionThread thread, @Nullable Long lastReadSeq, @Nullable WatchLevel level) {
}
