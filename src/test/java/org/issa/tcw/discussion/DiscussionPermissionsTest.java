package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * The rules for threads (docs/permissions.md), enforced by the services: read (every role of C, secretariat,
 * admin), post (every role of C, secretariat; not admin), moderate (chair/vice-chair of C,
 * secretariat; members and observers only their own posts). Each rule: allowed and refused.
 */
@SpringTest
class DiscussionPermissionsTest {

    @Autowired
    DiscussionService discussions;
    @Autowired
    ModerationService moderation;
    @Autowired
    ReadingService reading;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    DiscussionEventLog eventLog;

    long ict;
    long thread;
    PostView memberPost;

    @BeforeEach
    void setUp() {
        ict = fixture.commissionId("ICT");
        thread = fixture.thread("chair-ict", "ICT", "Permissions " + System.nanoTime());
        memberPost = fixture.reply("member-ict", thread, "A member's reply");
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void members_observers_secretariat_and_admin_read_a_commissions_threads() {
        for (String user : new String[] {"chair-ict", "member-ict", "observer-ict", "secretariat", "admin"}) {
            fixture.as(user);
            assertThat(discussions.threads(ict, "", PageRequest.of(0, 50))).as(user)
                    .anyMatch(r -> r.id() == thread);
            assertThat(discussions.postsFrom(thread, 1, 10)).as(user).hasSize(2);
        }
    }

    @Test
    void member_of_another_commission_cannot_read_ict_threads() {
        fixture.as("member-fam");
        assertThatThrownBy(() -> discussions.threads(ict, "", PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> discussions.thread(thread)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> discussions.postsFrom(thread, 1, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> discussions.post(memberPost.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reading.markAllRead(ict)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void observer_member_and_secretariat_may_post() {
        for (String user : new String[] {"observer-ict", "member-ict", "secretariat"}) {
            PostView post = fixture.reply(user, thread, "Reply by " + user);
            assertThat(post.seq()).isGreaterThan(2);
        }
        long started = fixture.thread("observer-ict", "ICT", "An observer's thread");
        fixture.as("observer-ict");
        assertThat(discussions.thread(started).title()).isEqualTo("An observer's thread");
    }

    @Test
    void admin_and_other_commissions_members_may_not_post() {
        for (String user : new String[] {"admin", "member-fam"}) {
            fixture.as(user);
            assertThatThrownBy(() -> discussions.reply(thread, "No", null)).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> discussions.startThread(new NewThread(ict, "No", "No", null))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        fixture.as("chair-ict");
        assertThat(discussions.postsFrom(thread, 1, 10)).hasSize(2);
    }

    @Test
    void chair_and_secretariat_may_moderate() {
        fixture.as("chair-ict");
        moderation.pin(thread, true);
        moderation.lock(thread, true);
        assertThat(discussions.thread(thread).pinned()).isTrue();
        assertThat(discussions.thread(thread).locked()).isTrue();
        fixture.as("secretariat");
        moderation.lock(thread, false);
        moderation.hide(memberPost.id(), "Off topic");
        assertThat(discussions.post(memberPost.id()).hiddenReason()).isEqualTo("Off topic");
        var project = fixture.project("ICT");
        fixture.as("secretariat");
        moderation.move(thread, new Anchor(AnchorType.PROJECT, project.getId(), "Forged label"));
        assertThat(discussions.thread(thread).anchorLabel()).isEqualTo(project.getTitle());
        assertThat(eventLog.moderated).filteredOn(e -> e.threadId() == thread).extracting(ThreadModerated::action)
                .containsExactly(ThreadModerated.Action.PINNED, ThreadModerated.Action.LOCKED,
                        ThreadModerated.Action.UNLOCKED, ThreadModerated.Action.POST_HIDDEN,
                        ThreadModerated.Action.MOVED);
    }

    @Test
    void members_observers_admin_and_outsiders_may_not_moderate() {
        for (String user : new String[] {"member-ict", "observer-ict", "admin", "member-fam"}) {
            fixture.as(user);
            assertThatThrownBy(() -> moderation.pin(thread, true)).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> moderation.lock(thread, true)).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> moderation.hide(memberPost.id(), "x")).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> moderation.move(thread, null)).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> moderation.history(memberPost.id())).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        fixture.as("chair-ict");
        assertThat(discussions.thread(thread).pinned()).isFalse();
        assertThat(discussions.post(memberPost.id()).hiddenReason()).isNull();
    }

    @Test
    void author_may_edit_and_delete_own_post_others_may_not() {
        fixture.as("observer-ict");
        assertThatThrownBy(() -> discussions.edit(memberPost.id(), memberPost.version(), "Changed"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> discussions.delete(memberPost.id())).isInstanceOf(AccessDeniedException.class);
        fixture.as("chair-ict");
        assertThatThrownBy(() -> discussions.delete(memberPost.id())).isInstanceOf(AccessDeniedException.class);

        fixture.as("member-ict");
        discussions.edit(memberPost.id(), memberPost.version(), "A member's **better** reply");
        PostView edited = discussions.post(memberPost.id());
        assertThat(edited.edited()).isTrue();
        assertThat(edited.html()).contains("<strong>better</strong>");

        fixture.as("chair-ict");
        assertThat(moderation.history(memberPost.id())).extracting(PostRevisionView::body)
                .containsExactly("A member's reply");

        fixture.as("member-ict");
        discussions.delete(memberPost.id());
        PostView removed = discussions.post(memberPost.id());
        assertThat(removed.deleted()).isTrue();
        assertThat(removed.html()).isEmpty();
    }

    @Test
    void editing_with_a_stale_version_is_refused_as_a_conflict() {
        fixture.as("member-ict");
        discussions.edit(memberPost.id(), memberPost.version(), "First edit");
        assertThatThrownBy(() -> discussions.edit(memberPost.id(), memberPost.version(), "Second edit"))
                .isInstanceOf(org.issa.tcw.base.ConcurrentEditException.class);
        assertThat(discussions.post(memberPost.id()).source()).isEqualTo("First edit");
    }

    @Test
    void a_hidden_post_shows_its_text_to_moderators_only() {
        fixture.as("chair-ict");
        moderation.hide(memberPost.id(), "Personal data");
        assertThat(discussions.post(memberPost.id()).html()).contains("A member");
        fixture.as("observer-ict");
        PostView seen = discussions.post(memberPost.id());
        assertThat(seen.html()).isEmpty();
        assertThat(seen.source()).isEmpty();
        assertThat(seen.hiddenReason()).isEqualTo("Personal data");
    }

    @Test
    void threads_for_an_anchor_are_listed_only_to_readers_of_the_commission() {
        long project = fixture.project("ICT").getId();
        long anchored = fixture.thread("member-ict", "ICT", "Anchored", "About the project",
                Anchor.to(AnchorType.PROJECT, project));
        fixture.as("observer-ict");
        assertThat(discussions.threadsFor(AnchorType.PROJECT, project)).extracting(ThreadRow::id)
                .contains(anchored);
        fixture.as("member-fam");
        assertThat(discussions.threadsFor(AnchorType.PROJECT, project)).isEmpty();
    }
}
