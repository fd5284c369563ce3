package org.issa.tcw.discussion;

/** Published, inside the post's transaction, for each commission member mentioned in a new post. */
public record PersonMentioned(long personId, long postId, long threadId, long commissionId, long seq,
        long authorId, String authorName, String threadTitle) {
}
