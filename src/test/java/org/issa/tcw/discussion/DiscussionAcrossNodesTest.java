package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.discussion.domain.PostRepository;
import org.issa.tcw.notification.NotificationBroadcaster;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.TwoNodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Discussions on two application nodes on one PostgreSQL ({@link TwoNodes}, ADR 100/101): a mention
 * written on node A rings the bell of the person's page on node B, a post hidden or removed on node
 * A disappears from the thread page on node B, and the posting rate is one allowance for both nodes.
 */
class DiscussionAcrossNodesTest {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startCluster() {
        nodeA = TwoNodes.get().a();
        nodeB = TwoNodes.get().b();
    }

    private static DiscussionFixture fixture(ConfigurableApplicationContext node) {
        return node.getBean(DiscussionFixture.class);
    }

    @Test
    void a_mention_on_node_a_rings_the_bell_on_node_b() {
        fixture(nodeB).as("member-ict");
        long member = nodeB.getBean(CurrentUser.class).require().personId();
        long before = nodeB.getBean(NotificationService.class).unreadCount();
        List<Long> rung = new CopyOnWriteArrayList<>();
        Subscription bell = nodeB.getBean(NotificationBroadcaster.class).subscribe(member, rung::add);
        try {
            long thread = fixture(nodeA).thread("chair-ict", "ICT", "Bell across nodes " + System.nanoTime());
            fixture(nodeA).reply("chair-ict", thread, "@member-ict please look");
            await().atMost(Duration.ofSeconds(10)).until(() -> !rung.isEmpty());
            fixture(nodeB).as("member-ict");
            assertThat(nodeB.getBean(NotificationService.class).unreadCount()).as("one more on B")
                    .isEqualTo(before + 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> rung.contains(before + 1));
        } finally {
            bell.cancel();
        }
    }

    @Test
    void a_post_hidden_or_removed_on_node_a_disappears_on_node_b() {
        long thread = fixture(nodeA).thread("chair-ict", "ICT", "Moderated across nodes " + System.nanoTime());
        PostView toHide = fixture(nodeA).reply("chair-ict", thread, "something off topic");
        PostView toRemove = fixture(nodeA).reply("chair-ict", thread, "something regretted");
        List<DiscussionSignal> onB = new CopyOnWriteArrayList<>();
        Subscription page = nodeB.getBean(DiscussionBroadcaster.class).subscribeThread(thread, onB::add);
        try {
            fixture(nodeA).as("secretariat");
            nodeA.getBean(ModerationService.class).hide(toHide.id(), "Off topic");
            fixture(nodeA).as("chair-ict");
            nodeA.getBean(DiscussionService.class).delete(toRemove.id());
            await().atMost(Duration.ofSeconds(10)).until(() -> changed(onB, toHide.id()) && changed(onB, toRemove.id()));
            // the page on B re-reads the posts it was told about: neither shows any more
            fixture(nodeB).as("member-ict");
            DiscussionService onNodeB = nodeB.getBean(DiscussionService.class);
            PostView hidden = onNodeB.post(toHide.id());
            assertThat(hidden.visible()).isFalse();
            assertThat(hidden.hiddenReason()).isEqualTo("Off topic");
            assertThat(hidden.html()).doesNotContain("off topic");
            PostView removed = onNodeB.post(toRemove.id());
            assertThat(removed.visible()).isFalse();
            assertThat(removed.html()).doesNotContain("regretted");
        } finally {
            page.cancel();
        }
    }

    private static boolean changed(List<DiscussionSignal> signals, long postId) {
        return signals.stream().anyMatch(s -> s.kind() == DiscussionSignal.Kind.POST_CHANGED
                && Long.valueOf(postId).equals(s.postId()));
    }

    @Test
    void the_posting_rate_is_one_allowance_for_both_nodes() {
        // the test profile allows a huge rate; each node's rate check is built here with a small
        // limit, over that node's own repository: what counts is what each node sees
        long thread = fixture(nodeA).thread("chair-ict", "ICT", "Rate across nodes " + System.nanoTime());
        fixture(nodeA).reply("member-ict", thread, "on A");
        fixture(nodeB).reply("member-ict", thread, "on B");
        fixture(nodeA).reply("member-ict", thread, "on A again");
        fixture(nodeB).as("member-ict");
        long member = nodeB.getBean(CurrentUser.class).require().personId();
        long seenByA = recent(nodeA, member);
        assertThat(seenByA).as("node A counts the posts written through both nodes").isGreaterThanOrEqualTo(3);
        assertThat(recent(nodeB, member)).as("node B counts the same").isEqualTo(seenByA);
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            assertThatThrownBy(() -> rate(node, (int) seenByA).check(member)).as("the allowance is used up on either node")
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("discussion.post.too-fast");
            rate(node, (int) seenByA + 1).check(member); // one more allowed: one more post
        }
    }

    private static long recent(ConfigurableApplicationContext node, long personId) {
        return node.getBean(PostRepository.class).countByAuthorSince(personId,
                node.getBean(Clock.class).instant().minus(Duration.ofMinutes(1)));
    }

    private static PostingRate rate(ConfigurableApplicationContext node, int postsPerMinute) {
        return new PostingRate(node.getBean(PostRepository.class), node.getBean(Clock.class),
                new DiscussionLimits(10000, 200, postsPerMinute));
    }
}
