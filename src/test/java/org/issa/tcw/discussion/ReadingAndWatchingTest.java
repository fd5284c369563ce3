package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.notification.NotificationKind;
import org.issa.tcw.notification.NotificationRow;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** Unread counts, read markers, watch levels, mentions and the notifications they lead to, limits. */
@SpringTest
class ReadingAndWatchingTest {

    @Autowired
    DiscussionService discussions;
    @Autowired
    ReadingService reading;
    @Autowired
    ModerationService moderation;
    @Autowired
    NotificationService notifications;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    DiscussionLimits limits;
    @Autowired
    DiscussionEventLog eventLog;

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private ThreadRow row(String user, long threadId) {
        fixture.as(user);
        long ict = discussions.thread(threadId).commissionId();
        return discussions.threads(ict, "", PageRequest.of(0, 500)).stream().filter(r -> r.id() == threadId)
                .findFirst().orElseThrow();
    }

    @Test
    void unread_count_is_the_number_of_posts_after_the_readers_marker() {
        long thread = fixture.thread("chair-ict", "ICT", "Unread " + System.nanoTime());
        ThreadRow fresh = row("member-ict", thread);
        assertThat(fresh.neverOpened()).isTrue();
        assertThat(fresh.unreadPosts()).isEqualTo(1);
        reading.markRead(thread, 1);
        fixture.reply("chair-ict", thread, "Second");
        fixture.reply("observer-ict", thread, "Third");
        ThreadRow later = row("member-ict", thread);
        assertThat(later.neverOpened()).isFalse();
        assertThat(later.unreadPosts()).isEqualTo(2);
        assertThat(discussions.thread(thread).firstUnreadSeq()).isEqualTo(2);
        assertThat(row("chair-ict", thread).unreadPosts()).as("she has read her own posts, not the observer's")
                .isEqualTo(1);
        assertThat(row("observer-ict", thread).unreadPosts()).isEqualTo(0);
    }

    @Test
    void a_read_marker_never_moves_back() {
        long thread = fixture.thread("chair-ict", "ICT", "Marker " + System.nanoTime());
        fixture.reply("chair-ict", thread, "Second");
        fixture.as("member-ict");
        reading.markRead(thread, 2);
        reading.markRead(thread, 1);
        assertThat(row("member-ict", thread).unreadPosts()).isZero();
        assertThat(discussions.thread(thread).firstUnreadSeq()).isZero();
    }

    @Test
    void mark_all_read_clears_every_thread_of_the_commission_for_the_reader_only() {
        long a = fixture.thread("chair-ict", "ICT", "All read A " + System.nanoTime());
        long b = fixture.thread("chair-ict", "ICT", "All read B " + System.nanoTime());
        fixture.reply("chair-ict", a, "more");
        fixture.as("observer-ict");
        reading.markAllRead(discussions.thread(a).commissionId());
        assertThat(row("observer-ict", a).unreadPosts()).isZero();
        assertThat(row("observer-ict", b).unreadPosts()).isZero();
        assertThat(row("member-ict", a).unreadPosts()).isEqualTo(2);
    }

    @Test
    void muted_threads_show_no_unread_count_and_tracking_is_the_default() {
        long thread = fixture.thread("chair-ict", "ICT", "Muted " + System.nanoTime());
        assertThat(row("observer-ict", thread).watchLevel()).isEqualTo(WatchLevel.TRACKING);
        reading.watch(thread, WatchLevel.MUTED);
        ThreadRow muted = row("observer-ict", thread);
        assertThat(muted.watchLevel()).isEqualTo(WatchLevel.MUTED);
        assertThat(muted.unreadPosts()).isZero();
    }

    @Test
    void threads_on_one_anchor_fall_back_to_their_own_commissions_watch_level() {
        // an event is shared by every commission: threads of two commissions hang on the same anchor
        long event = fixture.event().getId();
        Anchor anchor = Anchor.to(AnchorType.EVENT, event);
        long ictThread = fixture.thread("member-ict", "ICT", "Event ICT " + System.nanoTime(), "ICT view", anchor);
        long famThread = fixture.thread("member-fam", "FAM", "Event FAM " + System.nanoTime(), "FAM view", anchor);
        long ict = fixture.commissionId("ICT");
        long fam = fixture.commissionId("FAM");
        fixture.as("secretariat");
        try {
            reading.watchCommission(ict, WatchLevel.MUTED);
            reading.watchCommission(fam, WatchLevel.WATCHING);
            fixture.as("secretariat");
            List<ThreadRow> rows = discussions.threadsFor(AnchorType.EVENT, event);
            assertThat(rows).filteredOn(r -> r.id() == ictThread).singleElement()
                    .extracting(ThreadRow::watchLevel).isEqualTo(WatchLevel.MUTED);
            assertThat(rows).filteredOn(r -> r.id() == famThread).singleElement()
                    .extracting(ThreadRow::watchLevel).isEqualTo(WatchLevel.WATCHING);
            assertThat(rows).filteredOn(r -> r.id() == ictThread).singleElement()
                    .extracting(ThreadRow::unreadPosts).as("muted: no unread count").isEqualTo(0L);
        } finally {
            fixture.as("secretariat");
            reading.watchCommission(ict, WatchLevel.TRACKING);
            reading.watchCommission(fam, WatchLevel.TRACKING);
        }
    }

    @Test
    void starting_posting_or_being_mentioned_makes_one_watch_the_thread() {
        long thread = fixture.thread("chair-ict", "ICT", "Default watch " + System.nanoTime());
        assertThat(row("chair-ict", thread).watchLevel()).isEqualTo(WatchLevel.WATCHING);
        fixture.reply("observer-ict", thread, "I post here");
        assertThat(row("observer-ict", thread).watchLevel()).isEqualTo(WatchLevel.WATCHING);
        fixture.reply("chair-ict", thread, "What do you think, @member-ict?");
        assertThat(row("member-ict", thread).watchLevel()).isEqualTo(WatchLevel.WATCHING);
    }

    @Test
    void a_chosen_level_is_kept_when_posting_again() {
        long thread = fixture.thread("chair-ict", "ICT", "Chosen level " + System.nanoTime());
        fixture.as("chair-ict");
        reading.watch(thread, WatchLevel.TRACKING);
        fixture.reply("chair-ict", thread, "again");
        assertThat(row("chair-ict", thread).watchLevel()).isEqualTo(WatchLevel.TRACKING);
    }

    @Test
    void a_mentioned_member_gets_a_notification_and_the_event_is_published() {
        long thread = fixture.thread("chair-ict", "ICT", "Mention " + System.nanoTime());
        fixture.as("member-ict");
        long before = notifications.unreadCount();
        PostView post = fixture.reply("chair-ict", thread, "Could @member-ict and @nobody-here look at this?");
        assertThat(post.html()).contains("<span class=\"tcw-mention\" title=\"David Okafor\">@member-ict</span>")
                .doesNotContain("@nobody-here</span>");
        fixture.as("member-ict");
        assertThat(notifications.unreadCount()).isEqualTo(before + 1);
        NotificationRow n = notifications.mine(PageRequest.of(0, 1)).get(0);
        assertThat(n.kind()).isEqualTo(NotificationKind.MENTION);
        assertThat(n.link()).isEqualTo("discussions/" + thread + "?post=" + post.seq());
        assertThat(eventLog.mentions).anyMatch(m -> m.postId() == post.id() && m.threadId() == thread);
    }

    @Test
    void watchers_are_notified_of_replies_trackers_are_not() {
        long thread = fixture.thread("chair-ict", "ICT", "Watchers " + System.nanoTime());
        fixture.as("observer-ict");
        reading.watch(thread, WatchLevel.WATCHING);
        long observerBefore = notifications.unreadCount();
        fixture.as("member-ict");
        long memberBefore = notifications.unreadCount();
        PostView reply = fixture.reply("member-ict", thread, "A reply");
        fixture.as("observer-ict");
        assertThat(notifications.unreadCount()).isEqualTo(observerBefore + 1);
        assertThat(notifications.mine(PageRequest.of(0, 1)).get(0).kind()).isEqualTo(NotificationKind.REPLY);
        fixture.as("member-ict");
        assertThat(notifications.unreadCount()).as("the author is not told of her own post").isEqualTo(memberBefore);
        assertThat(eventLog.created).anyMatch(e -> e.postId() == reply.id() && e.watchers().size() >= 2);
        fixture.as("observer-ict");
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void commission_watchers_are_notified_of_new_threads() {
        long ict = fixture.commissionId("ICT");
        fixture.as("observer-ict");
        reading.watchCommission(ict, WatchLevel.WATCHING);
        long before = notifications.unreadCount();
        try {
            fixture.thread("chair-ict", "ICT", "For commission watchers " + System.nanoTime());
            fixture.as("observer-ict");
            assertThat(notifications.unreadCount()).isEqualTo(before + 1);
            assertThat(notifications.mine(PageRequest.of(0, 1)).get(0).kind()).isEqualTo(NotificationKind.NEW_THREAD);
        } finally {
            fixture.as("observer-ict");
            reading.watchCommission(ict, WatchLevel.TRACKING);
        }
    }

    @Test
    void a_locked_thread_refuses_replies_with_a_clear_message() {
        long thread = fixture.thread("chair-ict", "ICT", "Locked " + System.nanoTime());
        fixture.as("chair-ict");
        moderation.lock(thread, true);
        fixture.as("member-ict");
        assertThatThrownBy(() -> discussions.reply(thread, "Too late", null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("discussion.thread.locked");
        assertThat(discussions.thread(thread).lastSeq()).isEqualTo(1);
        assertThat(discussions.thread(thread).mayPost()).isFalse();
    }

    @Test
    void too_long_posts_and_empty_titles_are_refused_and_nothing_is_stored() {
        long ict = fixture.commissionId("ICT");
        fixture.as("member-ict");
        long before = discussions.countThreads(ict, "");
        String tooLong = "x".repeat(limits.maxPostLength() + 1);
        assertThatThrownBy(() -> discussions.startThread(new NewThread(ict, "Long", tooLong, null)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("discussion.post.too-long");
        assertThatThrownBy(() -> discussions.startThread(new NewThread(ict, " ", "Body", null)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("validation.required");
        assertThatThrownBy(() -> discussions.startThread(new NewThread(ict, "Empty", "  ", null)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("validation.required");
        assertThat(discussions.countThreads(ict, "")).isEqualTo(before);
    }

    @Test
    void search_finds_threads_by_words_in_titles_and_visible_posts() {
        String word = "zebracrossing" + System.nanoTime();
        long byTitle = fixture.thread("chair-ict", "ICT", "About " + word);
        long byPost = fixture.thread("chair-ict", "ICT", "Something else " + System.nanoTime());
        PostView reply = fixture.reply("member-ict", byPost, "I mention the " + word.toUpperCase() + " here");
        fixture.as("observer-ict");
        long ict = fixture.commissionId("ICT");
        fixture.as("observer-ict");
        assertThat(discussions.threads(ict, word, PageRequest.of(0, 10))).extracting(ThreadRow::id)
                .containsExactlyInAnyOrder(byTitle, byPost);
        assertThat(discussions.countThreads(ict, word)).isEqualTo(2);
        fixture.as("chair-ict");
        moderation.hide(reply.id(), "spam");
        fixture.as("observer-ict");
        assertThat(discussions.threads(ict, word, PageRequest.of(0, 10))).extracting(ThreadRow::id)
                .containsExactly(byTitle);
        assertThat(discussions.threads(ict, "100%_", PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void pinned_threads_come_first() {
        long pinned = fixture.thread("chair-ict", "ICT", "Pinned first " + System.nanoTime());
        fixture.thread("chair-ict", "ICT", "Newer " + System.nanoTime());
        long ict = fixture.commissionId("ICT");
        fixture.as("chair-ict");
        moderation.pin(pinned, true);
        try {
            List<ThreadRow> rows = discussions.threads(ict, "", PageRequest.of(0, 5));
            assertThat(rows.get(0).pinned()).isTrue();
            assertThat(rows).extracting(ThreadRow::id).contains(pinned);
        } finally {
            fixture.as("chair-ict");
            moderation.pin(pinned, false);
        }
    }

    @Test
    void reactions_toggle_and_are_counted_per_reaction() {
        long thread = fixture.thread("chair-ict", "ICT", "Reactions " + System.nanoTime());
        fixture.as("member-ict");
        long postId = discussions.postsFrom(thread, 1, 1).get(0).id();
        discussions.react(postId, Reaction.HEART);
        fixture.as("observer-ict");
        discussions.react(postId, Reaction.HEART);
        discussions.react(postId, Reaction.EYES);
        discussions.react(postId, Reaction.EYES);
        PostView seen = discussions.post(postId);
        assertThat(seen.reactions()).containsExactly(new PostView.ReactionCount(Reaction.HEART, 2, true));
    }
}
