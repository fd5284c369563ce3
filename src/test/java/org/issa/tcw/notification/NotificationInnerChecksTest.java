package org.issa.tcw.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Refusals of the notification service's inner checks: one reads, counts and marks only one's
 * own notifications. The
 * methods they guard are listed in InnerCheckGuards (checked against the code by InnerChecksTest).
 */
@SpringTest
class NotificationInnerChecksTest {

    @Autowired
    SignIn signIn;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    NotificationService notifications;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void one_reads_and_marks_only_ones_own_notifications() {
        long thread = fixture.thread("chair-ict", "ICT", "Own notifications " + System.nanoTime());
        fixture.reply("chair-ict", thread, "@member-ict please look");
        signIn.as("member-ict");
        List<NotificationRow> mine = notifications.mine(PageRequest.of(0, 500));
        long theirs = mine.stream().filter(n -> !n.read()).findFirst().orElseThrow().id();
        long unread = notifications.unreadCount();
        assertThat(unread).isPositive();

        signIn.as("observer-ict");
        assertThat(notifications.mine(PageRequest.of(0, 500))).extracting(NotificationRow::id).doesNotContain(theirs);
        assertThat(notifications.countMine()).isLessThanOrEqualTo(notifications.mine(PageRequest.of(0, 500)).size());
        assertThatThrownBy(() -> notifications.markRead(theirs)).isInstanceOf(NotFoundException.class);
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();

        signIn.as("member-ict");
        assertThat(notifications.unreadCount()).as("another's mark-all-read changed nothing here").isEqualTo(unread);
        assertThat(notifications.mine(PageRequest.of(0, 500))).filteredOn(n -> n.id() == theirs)
                .allMatch(n -> !n.read());
    }
}
