package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.issa.tcw.discussion.domain.CommissionWatch;
import org.issa.tcw.discussion.domain.CommissionWatchRepository;
import org.issa.tcw.discussion.domain.ThreadWatch;
import org.issa.tcw.discussion.domain.ThreadWatchRepository;
import org.issa.tcw.notification.NotificationKind;
import org.issa.tcw.notification.NotificationRow;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.security.ExternalIdentity;
import org.issa.tcw.security.PersonDirectory;
import org.issa.tcw.security.Roles;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * The association's staff (secretariat, administrators) may read every commission's threads, so
 * they are notified like members — replies in threads they watch, mentions — as long as they hold
 * the role recorded at their last sign-in; people outside the commission never are.
 */
@SpringTest
class StaffNotificationsTest {

    @Autowired
    DiscussionService discussions;
    @Autowired
    ReadingService reading;
    @Autowired
    NotificationService notifications;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    PersonDirectory directory;
    @Autowired
    ThreadWatchRepository threadWatches;
    @Autowired
    CommissionWatchRepository commissionWatches;

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private long unread(String username) {
        fixture.as(username);
        try {
            return notifications.unreadCount();
        } finally {
            signIn.out();
        }
    }

    private NotificationRow latest(String username) {
        fixture.as(username);
        try {
            return notifications.mine(PageRequest.of(0, 1)).get(0);
        } finally {
            signIn.out();
        }
    }

    @Test
    void the_secretariat_is_notified_of_replies_in_a_thread_it_posted_in() {
        long thread = fixture.thread("chair-ict", "ICT", "Staff reply " + System.nanoTime());
        PostView own = fixture.reply("secretariat", thread, "The secretariat will check the budget line.");
        long before = unread("secretariat");
        fixture.as("secretariat");
        assertThat(discussions.thread(thread).watchLevel()).as("posting watches the thread").isEqualTo(
                WatchLevel.WATCHING);
        PostView reply = fixture.reply("member-ict", thread, "Thank you!");
        assertThat(unread("secretariat")).isEqualTo(before + 1);
        NotificationRow n = latest("secretariat");
        assertThat(n.kind()).isEqualTo(NotificationKind.REPLY);
        assertThat(n.link()).isEqualTo("discussions/" + thread + "?post=" + reply.seq());
        assertThat(own.seq()).isLessThan(reply.seq());
    }

    @Test
    void the_secretariat_mentioned_in_an_ict_thread_is_notified_and_then_watches_it() {
        long thread = fixture.thread("chair-ict", "ICT", "Staff mention " + System.nanoTime());
        long before = unread("secretariat");
        PostView post = fixture.reply("member-ict", thread, "@secretariat could you book the room?");
        assertThat(post.html()).contains("<span class=\"tcw-mention\"").contains("@secretariat</span>");
        assertThat(unread("secretariat")).isEqualTo(before + 1);
        NotificationRow n = latest("secretariat");
        assertThat(n.kind()).isEqualTo(NotificationKind.MENTION);
        assertThat(n.link()).isEqualTo("discussions/" + thread + "?post=" + post.seq());

        fixture.reply("chair-ict", thread, "I can do it too.");
        assertThat(unread("secretariat")).as("mentioned: watching by default").isEqualTo(before + 2);
        assertThat(latest("secretariat").kind()).isEqualTo(NotificationKind.REPLY);
    }

    @Test
    void a_commission_watch_level_works_for_the_secretariat() {
        long ict = fixture.commissionId("ICT");
        fixture.as("secretariat");
        reading.watchCommission(ict, WatchLevel.WATCHING);
        try {
            long before = unread("secretariat");
            fixture.thread("member-ict", "ICT", "For staff watching ICT " + System.nanoTime());
            assertThat(unread("secretariat")).isEqualTo(before + 1);
            assertThat(latest("secretariat").kind()).isEqualTo(NotificationKind.NEW_THREAD);
        } finally {
            fixture.as("secretariat");
            reading.watchCommission(ict, WatchLevel.TRACKING);
        }
    }

    @Test
    void someone_whose_staff_role_was_removed_is_no_longer_notified_nor_offered() {
        String suffix = Long.toString(System.nanoTime());
        String username = "staff.leaver" + suffix;
        String subject = "sub-staff-leaver-" + suffix;
        ExternalIdentity withRole = new ExternalIdentity(subject, username, username + "@tcw-secretariat.org", "Sam",
                "Leaver", null, Set.of(Roles.SECRETARIAT));
        directory.signedIn(withRole);
        long thread = fixture.thread("chair-ict", "ICT", "Role removed " + System.nanoTime());

        signIn.asOidc(subject, username, "secretariat");
        discussions.reply(thread, "Secretariat here, following this.", null);
        long before = notifications.unreadCount();
        fixture.as("member-ict");
        long ict = discussions.thread(thread).commissionId();
        assertThat(discussions.mentionCandidates(ict, "sam", 20)).extracting(MentionCandidate::username)
                .contains(username);
        fixture.reply("member-ict", thread, "A reply the staff sees");
        signIn.asOidc(subject, username, "secretariat");
        assertThat(notifications.unreadCount()).isEqualTo(before + 1);

        // Keycloak took the role away: the next sign-in records that
        directory.signedIn(new ExternalIdentity(subject, username, username + "@tcw-secretariat.org", "Sam",
                "Leaver", null, Set.of()));
        fixture.reply("member-ict", thread, "A reply they may not read any more, @" + username);
        signIn.asOidc(subject, username);
        assertThat(notifications.unreadCount()).isEqualTo(before + 1);
        fixture.as("member-ict");
        assertThat(discussions.mentionCandidates(ict, "sam", 20)).extracting(MentionCandidate::username)
                .doesNotContain(username);
    }

    @Test
    void member_fam_never_gets_ict_notifications_even_with_a_watch_row() {
        long famPerson = directory.findByUsername("member-fam").orElseThrow().personId();
        long ict = fixture.commissionId("ICT");
        long thread = fixture.thread("chair-ict", "ICT", "Not for FAM " + System.nanoTime());
        threadWatches.save(new ThreadWatch(thread, famPerson, WatchLevel.WATCHING));
        commissionWatches.save(new CommissionWatch(ict, famPerson, WatchLevel.WATCHING));
        try {
            long before = unread("member-fam");
            fixture.reply("chair-ict", thread, "A reply, and @member-fam is not one of us");
            fixture.thread("chair-ict", "ICT", "Another ICT thread " + System.nanoTime());
            assertThat(unread("member-fam")).isEqualTo(before);
        } finally {
            commissionWatches.deleteById(new CommissionWatch.Key(ict, famPerson));
        }
    }

    @Test
    void mention_autocomplete_offers_members_first_then_the_staff_marked_as_such() {
        long ict = fixture.commissionId("ICT");
        fixture.as("member-ict");
        List<MentionCandidate> secretariat = discussions.mentionCandidates(ict, "secr", 8);
        assertThat(secretariat).extracting(MentionCandidate::username).contains("secretariat");
        assertThat(secretariat).filteredOn(c -> c.username().equals("secretariat")).singleElement()
                .extracting(MentionCandidate::staffRole).isEqualTo(Roles.SECRETARIAT);

        List<MentionCandidate> all = discussions.mentionCandidates(ict, "", 1000);
        int firstStaffOnly = all.indexOf(all.stream().filter(MentionCandidate::isStaff).findFirst().orElseThrow());
        assertThat(all.subList(0, firstStaffOnly)).extracting(MentionCandidate::username)
                .contains("chair-ict", "member-ict", "observer-ict");
        assertThat(all).extracting(MentionCandidate::username).contains("admin", "secretariat")
                .doesNotContain("member-fam");
        assertThat(all).filteredOn(c -> c.username().equals("admin")).singleElement()
                .extracting(MentionCandidate::staffRole).isEqualTo(Roles.ADMIN);
    }
}
