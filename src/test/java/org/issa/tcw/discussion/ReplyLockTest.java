package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reply holds its thread's row lock only for the numbering and the inserts (ADR 113): rendering
 * the Markdown and reading the commission's people happen before {@code lockById}, so a reply whose
 * rendering is slow does not hold up another reply to the same thread; and replies arriving at once
 * are still numbered without gaps or duplicates.
 */
@SpringTest
class ReplyLockTest {

    @Autowired
    DiscussionFixture fixture;
    @Autowired
    RenderingGate rendering;
    @Autowired
    ConcurrentReplies concurrent;
    @Autowired
    SignIn signIn;

    @AfterEach
    void tearDown() {
        rendering.open();
        signIn.out();
    }

    @Test
    void a_reply_being_rendered_does_not_hold_up_another_reply_to_the_thread() throws Exception {
        long thread = fixture.thread("chair-ict", "ICT", "Slow rendering " + System.nanoTime());
        String marker = "slow-render-" + System.nanoTime();
        RenderingGate.Hold hold = rendering.hold(marker);
        try (var pool = Executors.newFixedThreadPool(2)) {
            try {
                Future<PostView> slow = pool.submit(() -> fixture.reply("member-ict", thread,
                        "Slow to render " + marker));
                assertThat(hold.entered().await(60, TimeUnit.SECONDS)).as("the slow reply is being rendered").isTrue();

                // while the first reply is still rendering, another one is stored: the thread is not locked
                Future<PostView> quick = pool.submit(() -> fixture.reply("observer-ict", thread, "Quick reply"));
                PostView stored = quick.get(8, TimeUnit.SECONDS);
                assertThat(slow).as("the slow reply is still rendering").isNotDone();

                hold.release().countDown();
                PostView later = slow.get(60, TimeUnit.SECONDS);
                assertThat(List.of(stored.seq(), later.seq())).containsExactly(2L, 3L);
                assertThat(later.html()).contains(marker);
            } finally {
                hold.release().countDown();
            }
        }
    }

    @Test
    void replies_at_once_are_numbered_without_gaps_or_duplicates_and_each_notifies() throws Exception {
        concurrent.checkNumbering(List.of("member-ict", "observer-ict", "secretariat", "member-ict", "observer-ict",
                "secretariat"), 4);
    }
}
