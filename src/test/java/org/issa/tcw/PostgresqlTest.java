package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.commission.MyCommission;
import org.issa.tcw.people.InstitutionService;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.programme.TrienniumService;
import org.issa.tcw.testsupport.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same Flyway migrations, demo data and queries on a real PostgreSQL (embedded, started by
 * the test on 127.0.0.1), so that H2-only SQL cannot slip in. Runs the whole application context
 * with the {@code postgres} profile.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresqlTest {

    private static final EmbeddedPostgres POSTGRES = start();

    private static EmbeddedPostgres start() {
        try {
            // The embedded server turns synchronous_commit off by default to make tests faster; a real
            // server has it on. Run this one as a real server does, so that the test below sees
            // whether the application itself turns it off.
            return EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    CommissionService commissions;
    @Autowired
    CommissionAccess access;
    @Autowired
    InstitutionService institutions;
    @Autowired
    PersonService people;
    @Autowired
    TrienniumService trienniums;
    @Autowired
    SignIn signIn;
    @Autowired
    org.issa.tcw.discussion.ConcurrentReplies concurrentReplies;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void the_application_runs_on_postgresql_with_every_migration_applied() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select count(*), sum(case when success then 0 else 1 end) from flyway_schema_history")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
                assertThat(rs.getInt(2)).isZero();
            }
        }
    }

    /**
     * "Saved" means saved (ADR 007): a commit is acknowledged only once PostgreSQL flushed it to disk.
     * Nothing in the application (connection properties, init SQL, profiles) may turn that off.
     */
    @Test
    void the_applications_connections_wait_for_the_commit_to_be_flushed_to_disk() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(DurableCommitsCheck.problems(c)).isEmpty();
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void demo_data_and_the_screens_queries_work_on_postgresql() {
        signIn.as("secretariat");
        assertThat(commissions.count("", false)).isGreaterThanOrEqualTo(9);
        assertThat(commissions.page("fam", false, PageRequest.of(0, 10, Sort.by("code"))))
                .extracting(CommissionSummary::code).containsExactly("FAM");
        assertThat(institutions.count("")).isGreaterThanOrEqualTo(40);
        assertThat(institutions.page("KE", PageRequest.of(0, 10, Sort.by("name")))).isNotEmpty();
        assertThat(people.count("")).isGreaterThanOrEqualTo(120);
        assertThat(people.page("costa", PageRequest.of(0, 10, Sort.by("lastName", "firstName")))).isNotEmpty();
        assertThat(trienniums.all()).hasSizeGreaterThanOrEqualTo(2);

        signIn.as("chair-ict");
        assertThat(commissions.myCommissions()).extracting(MyCommission::code).containsExactly("ICT");
        assertThat(access.may(CommissionAction.SUBMIT_PROGRAMME, "ICT")).isTrue();
        assertThat(commissions.details("ICT").orElseThrow().members()).hasSizeGreaterThan(10);
    }

    /**
     * Replies arriving at once on one thread, on PostgreSQL's row locks (ADR 113: the lock is taken
     * after rendering, only for the numbering and the inserts): numbered without gaps or
     * duplicates, each notifying the thread's starter.
     */
    @Test
    void replies_at_once_are_numbered_without_gaps_on_postgresql() throws Exception {
        concurrentReplies.checkNumbering(java.util.List.of("member-ict", "observer-ict", "secretariat", "member-ict"), 5);
    }
}
