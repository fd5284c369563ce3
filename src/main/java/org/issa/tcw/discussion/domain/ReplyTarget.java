package org.issa.tcw.discussion.domain;

/** A post that is replied to: what a reply shows of it. */
public record ReplyTarget(long id, long seq, long authorId) {
}
