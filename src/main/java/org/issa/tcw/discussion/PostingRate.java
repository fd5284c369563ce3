package org.issa.tcw.discussion;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.issa.tcw.base.Checks;
import org.issa.tcw.discussion.domain.PostRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The posting rate limit: at most {@link DiscussionLimits#postsPerMinute()} posts per person in
 * any minute, counted from the stored posts (so it holds across nodes and restarts). The person's
 * row is locked for the rest of the posting transaction first, so that two posts of one person at
 * the same moment (two tabs, two nodes) are counted one after the other, never both below the limit.
 */
@Component
class PostingRate {

    private final PostRepository posts;
    private final Clock clock;
    private final DiscussionLimits limits;

    private final JdbcClient jdbc;

    PostingRate(PostRepository posts, Clock clock, DiscussionLimits limits, DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.posts = posts;
        this.clock = clock;
        this.limits = limits;
    }

    /** Refuses with a translated message when the person already wrote the allowed number of posts this minute. */
    void check(long authorId) {
        jdbc.sql("select id from person where id = :id for update").param("id", authorId).query(Long.class).optional();
        long recent = posts.countByAuthorSince(authorId, clock.instant().minus(Duration.ofMinutes(1)));
        Checks.require(recent < limits.postsPerMinute(), "discussion.post.too-fast", limits.postsPerMinute());
    }
}
