package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.discussion.domain.PostRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The posting rate is counted from the stored posts of the last minute. */
@SpringTest
class PostingRateTest {

    @Autowired
    PostRepository posts;
    @Autowired
    Clock clock;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    CurrentUser currentUser;

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void a_person_who_wrote_the_allowed_number_of_posts_this_minute_is_refused() {
        long thread = fixture.thread("observer-ict", "ICT", "Rate " + System.nanoTime());
        fixture.reply("observer-ict", thread, "one more");
        fixture.as("observer-ict");
        long me = currentUser.require().personId();
        long recent = posts.countByAuthorSince(me, clock.instant().minus(Duration.ofMinutes(1)));
        var atLimit = new PostingRate(posts, clock, new DiscussionLimits(10000, 200, (int) recent));
        var belowLimit = new PostingRate(posts, clock, new DiscussionLimits(10000, 200, (int) recent + 1));
        assertThatThrownBy(() -> atLimit.check(me)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("discussion.post.too-fast");
        assertThatCode(() -> belowLimit.check(me)).doesNotThrowAnyException();
    }
}
