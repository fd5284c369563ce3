package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.programme.ProgrammeEvents;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Digests (grouping, time zone, nothing new), reminders, preferences and one-click unsubscribe. */
@SpringTest
class MailDigestAndPreferencesTest extends MailTest {

    @Autowired
    MailPreferenceService preferences;
    @Autowired
    UnsubscribeLinks links;
    @Autowired
    WebApplicationContext web;
    @Autowired
    MailItems items;

    @Test
    void the_daily_digest_comes_at_the_morning_hour_of_the_persons_zone_grouped_by_commission_and_only_once()
            throws Exception {
        long member = person("member-ict");
        fixture.as("member-ict");
        var mine = preferences.mine();
        preferences.save(mine.at(8, "Asia/Tokyo"));
        signIn.out();
        long ict = fixture.commissionId("ICT");
        Long other = jdbc.sql("select id from commission where id <> :c order by id fetch first 1 rows only")
                .param("c", ict).query(Long.class).single();
        item(member, MailKind.WATCHED_POST, ict, "Thread in ICT", "discussions/1?post=1");
        item(member, MailKind.NEW_THREAD, other, "Thread elsewhere", "discussions/2?post=1");
        // a thing already read in the app is left out
        item(member, MailKind.WATCHED_POST, ict, "Already read", "discussions/3?post=9");
        jdbc.sql("""
                insert into notification (person_id, kind, actor_name, subject, link, created_at, read_at)
                values (:p, 'REPLY', 'x', 'Already read', 'discussions/3?post=9', :t, :t)""").param("p", member)
                .param("t", OffsetDateTime.now(ZoneOffset.UTC)).update();
        // digest kinds wait
        Instant tuesday = Instant.parse("2030-01-07T22:00:00Z"); // 07:00 in Tokyo, Tuesday 8 January
        assertThat(composer.composeImmediate(tuesday)).isZero();
        assertThat(composer.composeDigests(tuesday)).as("07:00 in Tokyo: not yet").isZero();
        Instant eight = Instant.parse("2030-01-07T23:00:00Z"); // 08:00 in Tokyo
        assertThat(composer.composeDigests(eight)).isEqualTo(1);
        assertThat(composer.composeDigests(eight.plusSeconds(3600))).as("once a day").isZero();
        sender.sendDue(eight.plusSeconds(3600));

        MimeMessage m = greenMail.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Your daily summary: 2 updates");
        String text = MailTestSupport.text(m);
        assertThat(text).contains("== ICT — ").contains("Thread in ICT").contains("Thread elsewhere")
                .doesNotContain("Already read");
        assertThat(text).contains("== " + code(other) + " — ");
        assertThat(m.getHeader("List-Unsubscribe")[0]).contains("k=DAILY");

        // the next day with nothing new: no e-mail
        assertThat(composer.composeDigests(Instant.parse("2030-01-08T23:30:00Z"))).isZero();
        sender.sendDue(Instant.parse("2030-01-08T23:30:00Z"));
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_weekly_kind_waits_for_monday() {
        long member = person("member-ict");
        fixture.as("member-ict");
        preferences.save(preferences.mine().with(MailKind.WATCHED_POST, Delivery.WEEKLY).at(8, "UTC"));
        signIn.out();
        item(member, MailKind.WATCHED_POST, fixture.commissionId("ICT"), "Weekly thing", "discussions/5?post=2");
        composer.composeImmediate(Instant.parse("2030-01-08T09:00:00Z"));
        assertThat(composer.composeDigests(Instant.parse("2030-01-08T09:00:00Z"))).as("a Tuesday").isZero();
        assertThat(composer.composeDigests(Instant.parse("2030-01-14T09:00:00Z"))).as("Monday").isEqualTo(1);
    }

    @Test
    void a_milestone_reminder_reaches_its_owner_and_a_returned_programme_its_chairs() throws Exception {
        long chair = person("chair-ict");
        long ict = fixture.commissionId("ICT");
        fixture.as("chair-ict");
        preferences.save(preferences.mine().with(MailKind.MILESTONE, Delivery.IMMEDIATELY)
                .with(MailKind.PROGRAMME_APPROVAL, Delivery.IMMEDIATELY));
        signIn.out();
        var milestone = jdbc.sql("""
                select m.id, m.project_id from milestone m join project p on p.id = m.project_id
                where coalesce(m.owner_person_id, p.lead_person_id) = :p fetch first 1 rows only""")
                .param("p", chair).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
        tx.executeWithoutResult(s -> {
            milestone.ifPresent(ms -> events.publishEvent(new ProgrammeEvents.MilestoneOverdue(ms[0], ms[1], ict,
                    "Final report", LocalDate.of(2030, 3, 1))));
            events.publishEvent(new ProgrammeEvents.ProgrammeReturned(1, ict, 1, "Sam Secretariat", "Add budgets"));
        });
        composeAndSend();
        var received = greenMail.getReceivedMessages();
        var subjects = java.util.Arrays.stream(received).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(subjects).contains("ICT: programme returned by Sam Secretariat");
        assertThat(milestone).as("the demo data has a milestone owned or led by the ICT chair").isPresent();
        assertThat(subjects).contains("Milestone «Final report» is overdue (due on March 1, 2030)");

        // 3 days before the due date: once
        long id = milestone.get()[0];
        var before = jdbc.sql("select due_date, done_date, cancelled from milestone where id = :m").param("m", id)
                .query((rs, i) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getBoolean(3)}).single();
        try {
            jdbc.sql("update milestone set due_date = :d, done_date = null, cancelled = false where id = :m")
                    .param("d", LocalDate.of(2031, 5, 10)).param("m", id).update();
            Integer first = tx.execute(s -> items.threeDayReminders(LocalDate.of(2031, 5, 7)));
            Integer again = tx.execute(s -> items.threeDayReminders(LocalDate.of(2031, 5, 7)));
            assertThat(first).isEqualTo(1);
            assertThat(again).as("once").isZero();
        } finally {
            jdbc.sql("update milestone set due_date = :d, done_date = :done, cancelled = :c where id = :m")
                    .param("d", before[0]).param("done", before[1]).param("c", before[2]).param("m", id).update();
        }
        composeAndSend();
        assertThat(greenMail.getReceivedMessages()).anySatisfy(m -> assertThat(m.getSubject())
                .startsWith("Milestone «").endsWith("is due in 3 days, on May 10, 2031"));
    }

    @Test
    void preferences_are_ones_own_and_bad_input_changes_nothing() {
        assertThatThrownBy(() -> preferences.mine()).isInstanceOf(
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        fixture.as("member-ict");
        var mine = preferences.mine();
        assertThat(mine.delivery(MailKind.MENTION)).isEqualTo(Delivery.IMMEDIATELY);
        assertThat(mine.delivery(MailKind.REPLY_TO_ME)).isEqualTo(Delivery.IMMEDIATELY);
        assertThat(mine.delivery(MailKind.MILESTONE)).isEqualTo(Delivery.DAILY);
        preferences.save(mine.with(MailKind.MENTION, Delivery.OFF).paused(true));
        assertThatThrownBy(() -> preferences.save(mine.at(8, "Mars/Olympus"))).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> preferences.save(mine.at(24, "UTC"))).isInstanceOf(UserFacingException.class);
        assertThat(preferences.mine().delivery(MailKind.MENTION)).isEqualTo(Delivery.OFF);
        assertThat(preferences.mine().paused()).isTrue();
        fixture.as("chair-ict");
        assertThat(preferences.mine().delivery(MailKind.MENTION)).as("another person's are their own")
                .isEqualTo(Delivery.IMMEDIATELY);
    }

    @Test
    void the_unsubscribe_link_works_without_signing_in_and_a_forged_one_changes_nothing() throws Exception {
        long member = person("member-ict");
        var mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        String url = links.url(member, "MENTION");
        String query = url.substring(url.indexOf('?') + 1);
        String p = param(query, "p");
        String s = param(query, "s");

        mvc.perform(get("/mail/unsubscribe").param("p", p).param("k", "MENTION").param("s", s))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("<form")));
        assertThat(delivery(member, MailKind.MENTION)).as("a GET changes nothing").isEqualTo(Delivery.IMMEDIATELY);
        mvc.perform(post("/mail/unsubscribe").param("p", p).param("k", "REPLY_TO_ME").param("s", s))
                .andExpect(status().isNotFound());
        mvc.perform(post("/mail/unsubscribe").param("p", String.valueOf(member + 1)).param("k", "MENTION")
                .param("s", s)).andExpect(status().isNotFound());
        assertThat(delivery(member, MailKind.REPLY_TO_ME)).isEqualTo(Delivery.IMMEDIATELY);
        // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the link
        mvc.perform(post("/mail/unsubscribe").param("p", p).param("k", "MENTION").param("s", s)
                .param("List-Unsubscribe", "One-Click")).andExpect(status().isOk());
        assertThat(delivery(member, MailKind.MENTION)).isEqualTo(Delivery.OFF);
        assertThat(delivery(member, MailKind.REPLY_TO_ME)).isEqualTo(Delivery.IMMEDIATELY);
    }

    private Delivery delivery(long person, MailKind kind) {
        return jdbc.sql("select delivery from mail_preference where person_id = :p and kind = :k").param("p", person)
                .param("k", kind.name()).query(String.class).optional().map(Delivery::valueOf)
                .orElse(kind.byDefault());
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException(name);
    }

    private String code(long commission) {
        return jdbc.sql("select code from commission where id = :c").param("c", commission).query(String.class).single();
    }

    private void item(long person, MailKind kind, long commission, String subject, String link) {
        var t = OffsetDateTime.parse("2030-01-07T10:00:00Z");
        jdbc.sql("""
                insert into mail_item (person_id, kind, group_key, commission_id, actor_name, subject, body, link,
                    created_at, deliver_after, state)
                values (:p, :k, :g, :c, 'Ana Silva', :s, 'Some text', :l, :t, :t, 'NEW')""").param("p", person)
                .param("k", kind.name()).param("g", "g:" + subject).param("c", commission).param("s", subject)
                .param("l", link).param("t", t).update();
    }
}
