package org.issa.tcw.discussion;

import java.time.Clock;
import java.time.Duration;
import org.issa.tcw.base.Checks;
import org.issa.tcw.discussion.domain.PostRepository;
import org.springframework.stereotype.Component;

/**
 * The posting rate limit: at most {@link DiscussionLimits#postsPerMinute()} posts per person in
 * any minute, counted from the stored posts (so it holds across nodes and restarts).
 */
@Component
class PostingRate {

    private final PostRepository posts;
    private final Clock clock;
    private final DiscussionLimits limits;

    PostingRate(PostRepository posts, Clock clock, DiscussionLimits limits) {
        this.posts = posts;
        this.clock = clock;
        this.limits = limits;
    }

    /** Refuses with a translated message when the person already wrote the allowed number of posts this minute. */
    void check(long authorId) {
        long recent = posts.countByAuthorSince(authorId, clock.instant().minus(Duration.ofMinutes(1)));
        Checks.require(recent < limits.postsPerMinute(), "discussion.post.too-fast", limits.postsPerMinute());
    }
}
