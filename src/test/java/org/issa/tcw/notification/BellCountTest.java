package org.issa.tcw.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.issa.tcw.testsupport.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A change of a person's notifications costs one statement on this node, whatever the number of
 * the person's open bells (LiveNotificationBroadcaster), and every bell gets the right number.
 */
@SpringTest
class BellCountTest {

    private static final int BELLS = 5;

    @Autowired
    NotificationBroadcaster broadcaster;
    @Autowired
    NotificationService notifications;
    @Autowired
    StatementCounter counter;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcTemplate jdbc;

    private final List<Subscription> subscriptions = new ArrayList<>();

    @AfterEach
    void tearDown() {
        subscriptions.forEach(Subscription::cancel);
        signIn.out();
    }

    private long person(String username) {
        return jdbc.queryForObject("select id from person where username = ?", Long.class, username);
    }

    private List<List<Long>> bells(long person, int n) {
        List<List<Long>> rung = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Long> counts = new CopyOnWriteArrayList<>();
            rung.add(counts);
            subscriptions.add(broadcaster.subscribe(person, counts::add));
        }
        return rung;
    }

    @Test
    void five_bells_of_one_person_cost_one_statement_per_change_where_each_bell_rereading_cost_two() {
        long member = person("member-ict");
        fixture.as("member-ict");
        // what each open bell paid per change before: its own re-read, off any HTTP request
        // (the signed-in person looked up, then the count)
        long perBellBefore = counter.statements(() -> notifications.unreadCount());
        assertThat(perBellBefore).isEqualTo(2);
        long unread = notifications.unreadCount();

        List<List<Long>> rung = bells(member, BELLS);
        long statements = counter.statements(() -> {
            broadcaster.publish(member);
            await().atMost(Duration.ofSeconds(10)).until(() -> rung.stream().noneMatch(List::isEmpty));
        });
        assertThat(statements).as("one count for the %d bells", BELLS).isEqualTo(1);
        assertThat(rung).allSatisfy(counts -> assertThat(counts).containsExactly(unread));
    }

    @Test
    void a_mention_brings_every_bell_the_new_count_and_a_closed_bell_hears_nothing() {
        long member = person("member-ict");
        fixture.as("member-ict");
        long before = notifications.unreadCount();
        List<List<Long>> open = bells(member, 2);
        List<Long> closed = new CopyOnWriteArrayList<>();
        Subscription closing = broadcaster.subscribe(member, closed::add);
        closing.cancel();

        long thread = fixture.thread("chair-ict", "ICT", "Bell count " + System.nanoTime());
        fixture.reply("chair-ict", thread, "@member-ict have a look");
        fixture.as("member-ict");
        long after = notifications.unreadCount();
        assertThat(after).isGreaterThan(before);

        await().atMost(Duration.ofSeconds(10)).until(() -> open.stream()
                .allMatch(counts -> !counts.isEmpty() && counts.get(counts.size() - 1) == after));
        assertThat(closed).isEmpty();
    }

    @Test
    void when_the_last_bell_closes_a_change_costs_nothing() {
        long member = person("member-ict");
        List<List<Long>> rung = bells(member, 3);
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
        long statements = counter.statements(() -> {
            broadcaster.publish(member);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(statements).isZero();
        assertThat(rung).allSatisfy(counts -> assertThat(counts).isEmpty());
    }
}
