package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.issa.tcw.testsupport.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** A page of posts or threads costs the same number of statements whatever its size (no N+1). */
@SpringTest
class QueryCountTest {

    @Autowired
    DiscussionService discussions;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    StatementCounter counter;

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void a_page_of_posts_costs_the_same_statements_for_5_or_40_posts() {
        long thread = fixture.thread("chair-ict", "ICT", "Counting " + System.nanoTime());
        for (int i = 2; i <= 40; i++) {
            fixture.reply(i % 3 == 0 ? "member-ict" : "observer-ict", thread, "Post " + i);
        }
        fixture.as("chair-ict");
        for (PostView p : discussions.postsFrom(thread, 1, 40)) {
            discussions.react(p.id(), Reaction.THUMBS_UP);
        }
        fixture.as("member-ict");
        long small = counter.statements(() -> assertThat(discussions.postsFrom(thread, 1, 5)).hasSize(5));
        long large = counter.statements(() -> assertThat(discussions.postsFrom(thread, 1, 40)).hasSize(40));
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(10);
    }

    @Test
    void a_page_of_threads_costs_the_same_statements_for_2_or_20_threads() {
        for (int i = 0; i < 20; i++) {
            fixture.thread(i % 2 == 0 ? "chair-ict" : "member-ict", "ICT", "Counted thread " + i);
        }
        long ict = fixture.commissionId("ICT");
        fixture.as("observer-ict");
        long small = counter.statements(
                () -> assertThat(discussions.threads(ict, "", PageRequest.of(0, 2))).hasSize(2));
        long large = counter.statements(
                () -> assertThat(discussions.threads(ict, "", PageRequest.of(0, 20))).hasSize(20));
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(10);
    }
}
