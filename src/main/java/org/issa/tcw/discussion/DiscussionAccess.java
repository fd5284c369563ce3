package org.issa.tcw.discussion;

import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.discussion.domain.DiscussionThreadRepository;
import org.issa.tcw.discussion.domain.PostRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Object-level checks for threads and posts: finds the commission they belong to and asks
 * {@link CommissionAccess}. Used in {@code @PreAuthorize("@discussionAccess.mayInThread('POST', #threadId)")}.
 * An unknown thread or post is refused like a forbidden one (it does not reveal what exists).
 */
@Component("discussionAccess")
@Transactional(readOnly = true)
public class DiscussionAccess {

    private final CommissionAccess access;
    private final DiscussionThreadRepository threads;
    private final PostRepository posts;

    DiscussionAccess(CommissionAccess access, DiscussionThreadRepository threads, PostRepository posts) {
        this.access = access;
        this.threads = threads;
        this.posts = posts;
    }

    /** Whether the signed-in person may do {@code action} (a {@link CommissionAction}) in the thread's commission. */
    public boolean mayInThread(String action, long threadId) {
        return threads.commissionOf(threadId).map(c -> access.may(CommissionAction.valueOf(action), c))
                .orElse(false);
    }

    /** Whether the signed-in person may do {@code action} in the commission of the post's thread. */
    public boolean mayOnPost(String action, long postId) {
        return posts.commissionOf(postId).map(c -> access.may(CommissionAction.valueOf(action), c)).orElse(false);
    }
}
