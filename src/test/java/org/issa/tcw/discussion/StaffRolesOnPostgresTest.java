package org.issa.tcw.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V42 (the people's recorded global roles, which discussions use to notify the staff) runs on
 * PostgreSQL 18 over a database that already holds demo accounts: their roles are carried over, and
 * deleting a person deletes their roles.
 */
class StaffRolesOnPostgresTest {

    @Test
    void global_roles_are_carried_over_from_the_local_accounts() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).target("41").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            for (String[] account : new String[][] {{"admin", "ADMIN"}, {"secretariat", "SECRETARIAT"},
                    {"both", "ADMIN,SECRETARIAT"}, {"member", ""}}) {
                jdbc.update("insert into person (username, email, last_name) values (?, ?, ?)", account[0],
                        account[0] + "@example.org", account[0]);
                jdbc.update("insert into local_account (username, password_hash, global_roles) values (?, 'x', ?)",
                        account[0], account[1]);
            }

            Flyway.configure().dataSource(dataSource).load().migrate();

            assertThat(jdbc.queryForList("""
                    select p.username || ':' || r.role from person_global_role r join person p on p.id = r.person_id
                    order by 1
                    """, String.class))
                    .containsExactly("admin:ADMIN", "both:ADMIN", "both:SECRETARIAT", "secretariat:SECRETARIAT");
            jdbc.update("delete from person where username = 'both'");
            assertThat(jdbc.queryForObject("select count(*) from person_global_role", Long.class)).isEqualTo(2);
        }
    }
}
