package org.issa.tcw.discussion;

import java.time.Instant;

/** An earlier text of an edited post, as moderators see it: written at {@code writtenAt}, replaced at {@code replacedAt}. */
public record PostRevisionView(String body, Instant writtenAt, Instant replacedAt) {
}
