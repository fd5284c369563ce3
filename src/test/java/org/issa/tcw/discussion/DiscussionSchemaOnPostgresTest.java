package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The discussion and notification migrations run unchanged on PostgreSQL 18, and the statements
 * the feature relies on (row lock for sequence numbers, escaped LIKE search, the insert-select of
 * "mark all read", the anchor check) behave there as on H2.
 */
class DiscussionSchemaOnPostgresTest {

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void discussion_tables_work_on_postgresql() {
        jdbc.update("insert into commission (code, name) values ('PGT', 'PostgreSQL test')");
        long commission = jdbc.queryForObject("select id from commission where code = 'PGT'", Long.class);
        jdbc.update("insert into person (username, email, last_name) values ('pg', 'pg@example.org', 'Pg')");
        long person = jdbc.queryForObject("select id from person where username = 'pg'", Long.class);
        jdbc.update("""
                insert into discussion_thread (commission_id, commission_code, anchor_type, anchor_id, anchor_label,
                    title, author_id, created_at, last_post_at, last_seq)
                values (?, 'PGT', 'PROJECT', 7, 'Survey', '100% sure_thing', ?, now(), now(), 2)
                """, commission, person);
        long thread = jdbc.queryForObject("select id from discussion_thread", Long.class);
        jdbc.update("""
                insert into discussion_post (thread_id, commission_id, seq, author_id, body, html, created_at)
                select t.id, t.commission_id, 1, ?, ?, '<p>x</p>', now() from discussion_thread t where t.id = ?
                """, person, "x".repeat(20000), thread);

        assertThat(jdbc.queryForObject("select last_seq from discussion_thread where id = ? for update", Long.class,
                thread)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from discussion_thread where lower(title) like ?",
                Long.class, "%100\\%%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from discussion_thread where lower(title) like ?",
                Long.class, "%100\\%x%")).isZero();
        jdbc.update("""
                insert into discussion_read_marker (thread_id, person_id, last_read_seq)
                select t.id, ?, t.last_seq from discussion_thread t where t.commission_id = ?
                  and not exists (select 1 from discussion_read_marker m where m.thread_id = t.id and m.person_id = ?)
                """, person, commission, person);
        assertThat(jdbc.queryForObject("select last_read_seq from discussion_read_marker", Long.class)).isEqualTo(2);
        jdbc.update("insert into notification (person_id, kind, actor_name, subject, link, created_at) "
                + "values (?, 'MENTION', 'A', 'B', 'discussions/1', now())", person);
        assertThat(jdbc.queryForObject("select count(*) from notification where read_at is null", Long.class))
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("""
                insert into discussion_thread (commission_id, commission_code, anchor_type, title, author_id,
                    created_at, last_post_at) values (?, 'PGT', 'PROJECT', 'No id', ?, now(), now())
                """, commission, person)).hasMessageContaining("ck_discussion_thread_anchor");
    }
}
