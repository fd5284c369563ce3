package org.issa.tcw.discussion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long posts and titles may be, and how many posts one person may write per minute
 * ({@code tcw.discussion.*} properties). The rate is counted in the database, so it holds across
 * several nodes.
 */
@Component
public class DiscussionLimits {

    private final int maxPostLength;
    private final int maxTitleLength;
    private final int postsPerMinute;

    DiscussionLimits(@Value("${tcw.discussion.max-post-length:10000}") int maxPostLength,
            @Value("${tcw.discussion.max-title-length:200}") int maxTitleLength,
            @Value("${tcw.discussion.posts-per-minute:10}") int postsPerMinute) {
        this.maxPostLength = maxPostLength;
        this.maxTitleLength = maxTitleLength;
        this.postsPerMinute = postsPerMinute;
    }

    public int maxPostLength() {
        return maxPostLength;
    }

    public int maxTitleLength() {
        return maxTitleLength;
    }

    public int postsPerMinute() {
        return postsPerMinute;
    }
}
