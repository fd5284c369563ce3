package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secretariat's weekly overview (ADR 047): on Monday from the configured hour, once per week
 * even with several runs or nodes at once, in each recipient's language, with what is overdue,
 * awaiting approval or at risk across commissions; none for who turned it off.
 */
@SpringTest
class MailOverviewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = MailTestSupport.greenMail();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WeeklyOverview overview;
    @Autowired
    OutboxSender sender;

    long secretariat;

    @BeforeEach
    void clean() {
        MailTestSupport.clean(jdbc);
        jdbc.sql("delete from mail_overview_week").update();
        secretariat = MailTestSupport.person(jdbc, "secretariat");
        jdbc.sql("delete from person_global_role where person_id = :p").param("p", secretariat).update();
        jdbc.sql("insert into person_global_role (person_id, role) values (:p, 'SECRETARIAT')")
                .param("p", secretariat).update();
        jdbc.sql("update person set preferred_locale = 'fr' where id = :p").param("p", secretariat).update();
    }

    @Test
    void the_overview_goes_once_a_week_from_monday_morning_in_the_recipients_language() throws Exception {
        String title = "Overview milestone " + System.nanoTime();
        long milestone = jdbc.sql("""
                select min(m.id) from milestone m join project p on p.id = m.project_id
                where p.status not in ('COMPLETED', 'CANCELLED')""").query(Long.class).single();
        // the demo milestone is borrowed and given back as it was: other tests read the demo programme
        var original = jdbc.sql("select title, due_date, done_date, cancelled from milestone where id = :id")
                .param("id", milestone).query().singleRow();
        jdbc.sql("update milestone set title = :title, due_date = :due, done_date = null, cancelled = false where id = :id")
                .param("title", title).param("due", LocalDate.of(2029, 12, 3)).param("id", milestone).update();
        try {
            sendsTheOverview(title);
        } finally {
            jdbc.sql("""
                    update milestone set title = :title, due_date = :due, done_date = :done, cancelled = :cancelled
                    where id = :id""")
                    .param("title", original.get("TITLE")).param("due", original.get("DUE_DATE"))
                    .param("done", original.get("DONE_DATE")).param("cancelled", original.get("CANCELLED"))
                    .param("id", milestone).update();
        }
    }

    private void sendsTheOverview(String title) throws Exception {
        Instant sundayEvening = Instant.parse("2030-01-06T22:00:00Z");
        Instant mondayEarly = Instant.parse("2030-01-07T05:59:00Z");
        Instant mondayMorning = Instant.parse("2030-01-07T06:00:00Z");

        assertThat(overview.sendIfDue(mondayEarly)).as("before the hour on Monday").isZero();
        assertThat(overview.sendIfDue(mondayMorning)).isEqualTo(1);
        assertThat(overview.sendIfDue(mondayMorning.plusSeconds(3600))).as("once per week").isZero();
        assertThat(overview.sendIfDue(Instant.parse("2030-01-10T12:00:00Z"))).as("later that week").isZero();
        assertThat(overview.sendIfDue(sundayEvening)).as("the week before: caught up").isEqualTo(1);

        sender.sendDue(Instant.parse("2030-01-11T00:00:00Z")); // the outbox rows are due from their (test) time
        MimeMessage[] mails = greenMail.getReceivedMessagesForDomain(email(secretariat));
        assertThat(mails).hasSize(2);
        MimeMessage m = mails[0];
        assertThat(m.getSubject()).isEqualTo("Aperçu hebdomadaire, semaine du 7 janvier 2030");
        String text = MailTestSupport.text(m);
        assertThat(text).contains("Jalons en retard").contains("« " + title + " » était dû le 3 décembre 2029")
                .contains("Vous recevez cet aperçu parce que vous travaillez au secrétariat");
        assertThat(m.getHeader("List-Unsubscribe")[0]).contains("k=WEEKLY_OVERVIEW");
    }

    @Test
    void two_nodes_at_once_queue_the_week_once() throws Exception {
        Instant monday = Instant.parse("2030-02-04T08:00:00Z");
        int total = 0;
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Integer>> nodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(() -> overview.sendIfDue(monday));
            }
            for (var f : pool.invokeAll(nodes)) {
                total += f.get();
            }
        }
        assertThat(total).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where kind = 'WEEKLY_OVERVIEW' and status = 'QUEUED'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void who_turned_it_off_gets_none() {
        jdbc.sql("insert into mail_preference (person_id, kind, delivery) values (:p, 'WEEKLY_OVERVIEW', 'OFF')")
                .param("p", secretariat).update();
        assertThat(overview.sendIfDue(Instant.parse("2030-03-04T09:00:00Z"))).isZero();
        assertThat(jdbc.sql("select count(*) from mail_overview_week where week_start = :w")
                .param("w", LocalDate.of(2030, 3, 4)).query(Integer.class).single()).as("the week is done")
                .isEqualTo(1);
    }

    private String email(long person) {
        return jdbc.sql("select email from person where id = :p").param("p", person).query(String.class).single();
    }
}
