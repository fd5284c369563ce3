package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;

/**
 * The secretariat's weekly overview (ADR 047): on Monday from the configured hour, once per week
 * even with several runs or nodes at once, in each recipient's language, with what is overdue,
 * awaiting approval, at risk or consultations closing that week across commissions; none for who
 * turned it off.
 */
@SpringTest
class MailOverviewTest extends MailTest {

    @Autowired
    WeeklyOverview overview;
    @Autowired
    DocumentService documents;

    long secretariat;

    @BeforeEach
    void clean() {
        jdbc.sql("delete from mail_overview_week").update();
        secretariat = person("secretariat");
        jdbc.sql("delete from person_global_role where person_id = :p").param("p", secretariat).update();
        jdbc.sql("insert into person_global_role (person_id, role) values (:p, 'SECRETARIAT')")
                .param("p", secretariat).update();
        speaks(secretariat, "fr");
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
        MimeMessage[] mails = mailsTo(secretariat);
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
        prefer(secretariat, MailKind.WEEKLY_OVERVIEW, Delivery.OFF);
        assertThat(overview.sendIfDue(Instant.parse("2030-03-04T09:00:00Z"))).isZero();
        assertThat(jdbc.sql("select count(*) from mail_overview_week where week_start = :w")
                .param("w", LocalDate.of(2030, 3, 4)).query(Integer.class).single()).as("the week is done")
                .isEqualTo(1);
    }


    @Test
    void consultations_closing_this_week_are_listed_not_those_of_next_week_or_closed_ones() throws Exception {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        String title = "Closing this week " + System.nanoTime();
        form.setTitle(title);
        long document = documents.create("ICT", form);
        form.setTitle("Closing next week " + System.nanoTime());
        long later = documents.create("ICT", form);
        signIn.out();
        long thisWeek = round(document, "OPEN", "2030-04-04T00:00:00Z");
        round(later, "OPEN", "2030-04-08T00:00:00Z");
        round(later, "CLOSED", "2030-04-03T00:00:00Z");
        try {
            assertThat(overview.sendIfDue(Instant.parse("2030-04-01T07:00:00Z"))).isEqualTo(1);
            sender.sendDue(Instant.parse("2030-04-02T00:00:00Z"));
            String text = MailTestSupport.text(mailsTo(secretariat)[0]);
            assertThat(text).contains("Consultations se terminant cette semaine (1)")
                    .contains("ICT : la consultation sur « " + title + " » se termine le")
                    .contains("(0 commentaires à ce jour)").contains("consultations/" + thisWeek)
                    .doesNotContain("Closing next week");
        } finally {
            jdbc.sql("delete from consultation_round where document_id in (:d)").param("d", List.of(document, later))
                    .update();
        }
    }

    private long round(long document, String state, String deadline) {
        jdbc.sql("""
                insert into consultation_round (document_id, commission_id, state, audience, deadline, introduction,
                    opened_at) select id, commission_id, :state, 'COMMISSION', :deadline, 'Overview test', :deadline
                from document where id = :d""").param("state", state)
                .param("deadline", Instant.parse(deadline).atOffset(java.time.ZoneOffset.UTC)).param("d", document)
                .update();
        return jdbc.sql("select max(id) from consultation_round where document_id = :d").param("d", document)
                .query(Long.class).single();
    }
}
