package org.issa.tcw.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.issa.tcw.base.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail migration and the statements the outbox relies on run on PostgreSQL 18 as on H2: items
 * composed into e-mails, and two senders claiming rows with {@code FOR UPDATE SKIP LOCKED} at the
 * same time, each e-mail delivered once.
 */
class MailOnPostgresTest {

    @RegisterExtension
    static GreenMailExtension greenMail = MailTestSupport.greenMail();

    static EmbeddedPostgres postgres;
    static JdbcClient jdbc;
    static TransactionTemplate tx;
    static MailConfig config;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        config = new MailConfig("TC Workspace <no-reply@tcw.localhost>", "http://localhost:8080",
                MailConfig.DEVELOPMENT_SECRET, Duration.ofMinutes(5), 5, 20, new StandardEnvironment());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static JavaMailSenderImpl smtp() {
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(MailTestSupport.SMTP_PORT);
        return mail;
    }

    @Test
    void items_become_emails_and_two_senders_deliver_each_once_on_postgresql() throws Exception {
        jdbc.sql("insert into commission (code, name) values ('PGM', 'PostgreSQL mail')").update();
        long commission = jdbc.sql("select id from commission where code = 'PGM'").query(Long.class).single();
        jdbc.sql("insert into person (username, email, last_name, preferred_locale) values ('pgm', 'pgm@tcw.test', 'Pg', 'de')")
                .update();
        long person = jdbc.sql("select id from person where username = 'pgm'").query(Long.class).single();
        var created = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < 30; i++) {
            jdbc.sql("""
                    insert into mail_item (person_id, kind, group_key, commission_id, actor_name, subject, body, link,
                        created_at, deliver_after, state)
                    values (:p, 'MENTION', :g, :c, 'Ana Silva', :s, 'Text', 'discussions/1?post=1', :t, :t, 'NEW')""")
                    .param("p", person).param("g", "thread:" + i).param("c", commission).param("s", "Thema " + i)
                    .param("t", created).update();
        }
        Clock clock = Clock.systemUTC();
        var replyOff = new ReplyConfig(false, "reply@tcw.test", "127.0.0.1", 3143, "reply@tcw.test", "x", "INBOX",
                false, java.time.Duration.ofDays(180));
        var composer = new MailComposer(jdbc, tx, new Recipients(jdbc), new MailTemplates(new Texts()),
                new UnsubscribeLinks(config), config, clock, replyOff,
                new ReplyAddresses(config, replyOff));
        assertThat(composer.composeImmediate(Instant.now().plusSeconds(1))).isEqualTo(30);

        var a = new OutboxSender(jdbc, tx, smtp(), config, clock);
        var b = new OutboxSender(jdbc, tx, smtp(), config, clock);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Callable<Integer>> both = List.of(() -> a.sendDue(Instant.now().plusSeconds(2)),
                    () -> b.sendDue(Instant.now().plusSeconds(2)));
            int total = 0;
            for (var f : pool.invokeAll(both)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(30);
        }
        var received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(30);
        assertThat(java.util.Arrays.stream(received).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(30);
        assertThat(received[0].getSubject()).startsWith("Ana Silva hat Sie in „Thema");
        assertThat(jdbc.sql("select count(*) from mail_outbox where status = 'SENT'").query(Integer.class).single())
                .isEqualTo(30);
    }

    @Test
    void four_nodes_queue_the_weekly_overview_once_and_a_reply_ledger_key_lets_one_through() throws Exception {
        jdbc.sql("insert into commission (code, name) values ('PGO', 'PostgreSQL overview')").update();
        long commission = jdbc.sql("select id from commission where code = 'PGO'").query(Long.class).single();
        jdbc.sql("insert into triennium (start_year, end_year, status) values (2031, 2033, 'PLANNED')").update();
        long triennium = jdbc.sql("select id from triennium where start_year = 2031").query(Long.class).single();
        jdbc.sql("""
                insert into work_programme (commission_id, triennium_id, status, submitted_at, submitted_by)
                values (:c, :t, 'SUBMITTED', now(), 'chair')""").param("c", commission).param("t", triennium).update();
        jdbc.sql("insert into person (username, email, last_name, preferred_locale) values ('pgs', 'pgs@tcw.test', 'Sec', 'es')")
                .update();
        long sec = jdbc.sql("select id from person where username = 'pgs'").query(Long.class).single();
        jdbc.sql("insert into person_global_role (person_id, role) values (:p, 'SECRETARIAT')").param("p", sec).update();
        var replyOff = new ReplyConfig(false, "reply@tcw.test", "127.0.0.1", 3143, "reply@tcw.test", "x", "INBOX",
                false, java.time.Duration.ofDays(180));
        var templates = new MailTemplates(new Texts());
        var composer = new MailComposer(jdbc, tx, new Recipients(jdbc), templates, new UnsubscribeLinks(config), config,
                Clock.systemUTC(), replyOff, new ReplyAddresses(config, replyOff));
        var overview = new WeeklyOverview(jdbc, tx, new Recipients(jdbc), templates, composer,
                new UnsubscribeLinks(config), config, Clock.systemUTC(), 6);
        Instant monday = Instant.parse("2031-01-06T07:00:00Z");
        int total = 0;
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Integer>> nodes = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(() -> overview.sendIfDue(monday));
            }
            for (var f : pool.invokeAll(nodes)) {
                total += f.get();
            }
        }
        assertThat(total).isEqualTo(1);
        assertThat(jdbc.sql("select subject from mail_outbox where kind = 'WEEKLY_OVERVIEW'").query(String.class).list())
                .containsExactly("Resumen semanal, semana del 6 de enero de 2031");

        // the reply ledger's guard: two transactions insert the same Message-ID at once, one commits
        var inserted = new java.util.concurrent.atomic.AtomicInteger();
        var duplicates = new java.util.concurrent.atomic.AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Callable<Object>> nodes = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                nodes.add(() -> {
                    try {
                        tx.executeWithoutResult(st -> {
                            jdbc.sql("""
                                    insert into mail_reply (message_id, sender, outcome, received_at)
                                    values ('<same@client>', 'a@b.c', 'POSTED', now())""").update();
                            jdbc.sql("select 1 from pg_sleep(0.3)").query(Integer.class).list();
                        });
                        inserted.incrementAndGet();
                    } catch (org.springframework.dao.DuplicateKeyException e) {
                        duplicates.incrementAndGet();
                    }
                    return null;
                });
            }
            for (var f : pool.invokeAll(nodes)) {
                f.get();
            }
        }
        assertThat(inserted.get()).isEqualTo(1);
        assertThat(duplicates.get()).isEqualTo(1);
    }
}
