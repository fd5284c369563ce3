package org.issa.tcw.discussion.domain;

import org.issa.tcw.discussion.Reaction;

/** How many gave one reaction to a post, and whether the reader is among them ({@code byReader > 0}). */
public record ReactionSummary(long postId, Reaction reaction, long count, long byReader) {
}
