package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The documents migration and the statements the relay sends as native SQL (row lock, receipts,
 * binary and long text columns) on a real PostgreSQL — no Spring context needed.
 */
class DocumentSchemaOnPostgresTest {

    @Test
    void migrations_and_the_relays_native_statements_run_on_postgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            var dataSource = pg.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                long commissionId;
                try (var st = c.prepareStatement(
                        "insert into commission (code, name, active, version) values ('TST', 'Test', true, 0)",
                        new String[] {"id"})) {
                    st.executeUpdate();
                    ResultSet keys = st.getGeneratedKeys();
                    keys.next();
                    commissionId = keys.getLong(1);
                }
                long documentId;
                try (PreparedStatement st = c.prepareStatement("""
                        insert into document (commission_id, title, kind, language, created_at, updated_at, state,
                                              state_seq, last_seq, plain_text, html, rendered_seq, version)
                        values (?, 'T', 'GUIDELINE', 'EN', ?, ?, ?, 0, 0, ?, ?, 0, 0)""", new String[] {"id"})) {
                    Timestamp now = Timestamp.from(Instant.now());
                    st.setLong(1, commissionId);
                    st.setTimestamp(2, now);
                    st.setTimestamp(3, now);
                    st.setBytes(4, new byte[] {1, 2, 3});
                    st.setString(5, "x".repeat(1_500_000));
                    st.setString(6, "<p>" + "y".repeat(3_000_000) + "</p>");
                    st.executeUpdate();
                    ResultSet keys = st.getGeneratedKeys();
                    keys.next();
                    documentId = keys.getLong(1);
                }
                try (PreparedStatement st = c.prepareStatement("select last_seq from document where id = ? for update")) {
                    st.setLong(1, documentId);
                    ResultSet rs = st.executeQuery();
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isZero();
                }
                try (PreparedStatement st = c.prepareStatement("""
                        insert into document_update (document_id, seq, author_id, data, size, created_at)
                        values (?, 1, null, ?, 3, ?)""")) {
                    st.setLong(1, documentId);
                    st.setBytes(2, new byte[] {9, 8, 7});
                    st.setTimestamp(3, Timestamp.from(Instant.now()));
                    st.executeUpdate();
                }
                try (PreparedStatement st = c.prepareStatement("""
                        insert into document_receipt (document_id, client_update_id, seq, received_at)
                        values (?, ?, ?, ?)""")) {
                    st.setLong(1, documentId);
                    st.setString(2, "6f1c2a4e-0d3b-4c55-9a1e-2b7f1d0c9e11");
                    st.setLong(3, 1);
                    st.setTimestamp(4, Timestamp.from(Instant.now()));
                    st.executeUpdate();
                }
                try (PreparedStatement st = c.prepareStatement(
                        "select seq from document_receipt where document_id = ? and client_update_id = ?")) {
                    st.setLong(1, documentId);
                    st.setString(2, "6f1c2a4e-0d3b-4c55-9a1e-2b7f1d0c9e11");
                    ResultSet rs = st.executeQuery();
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
                try (PreparedStatement st = c.prepareStatement(
                        "delete from document_receipt where document_id = ? and received_at < ?")) {
                    st.setLong(1, documentId);
                    st.setTimestamp(2, Timestamp.from(Instant.now().plusSeconds(60)));
                    assertThat(st.executeUpdate()).isEqualTo(1);
                }
                try (PreparedStatement st = c.prepareStatement("delete from document where id = ?")) {
                    st.setLong(1, documentId);
                    st.executeUpdate();
                }
                try (PreparedStatement st = c.prepareStatement("select count(*) from document_update")) {
                    ResultSet rs = st.executeQuery();
                    rs.next();
                    assertThat(rs.getLong(1)).as("the log goes with its document").isZero();
                }
                c.rollback();
            }
        }
    }
}
