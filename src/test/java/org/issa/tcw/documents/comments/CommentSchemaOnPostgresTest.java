package org.issa.tcw.documents.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The comments migration (V50) on a real PostgreSQL: a comment and its reply, the rule that only a
 * thread's first comment has an anchor, and that comments go with their document. H2 runs the same
 * migration in every Spring test.
 */
class CommentSchemaOnPostgresTest {

    static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
            ResultSet keys = st.getGeneratedKeys();
            keys.next();
            return keys.getLong(1);
        }
    }

    static final String COMMENT = """
            insert into document_comment (document_id, parent_id, author_id, body, html, anchor_from, anchor_to,
                                          quote, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    @Test
    void comments_and_replies_are_stored_checked_and_deleted_with_their_document() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            var dataSource = pg.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                Timestamp now = Timestamp.from(Instant.now());
                long commission = insert(c, "insert into commission (code, name, active, version) values ('TST', 'T', true, 0)");
                long person = insert(c, "insert into person (username, email, last_name) values ('p', 'p@x.org', 'P')");
                long document = insert(c, """
                        insert into document (commission_id, title, kind, language, created_at, updated_at, state,
                                              state_seq, last_seq, plain_text, html, rendered_seq, version)
                        values (?, 'T', 'GUIDELINE', 'EN', ?, ?, ?, 0, 0, '', '', 0, 0)""", commission, now, now,
                        new byte[] {1});
                long comment = insert(c, COMMENT, document, null, person, "x".repeat(20_000), "<p>" + "x".repeat(20_000)
                        + "</p>", "AQID", "BAUG", "quoted text", now);
                long reply = insert(c, COMMENT, document, comment, person, "a reply", "<p>a reply</p>", null, null, null, now);
                assertThat(reply).isGreaterThan(comment);
                try (PreparedStatement st = c.prepareStatement(
                        "update document_comment set resolved_at = ?, resolved_by = ? where id = ?")) {
                    st.setTimestamp(1, now);
                    st.setLong(2, person);
                    st.setLong(3, comment);
                    assertThat(st.executeUpdate()).isOne();
                }
                var savepoint = c.setSavepoint();
                assertThatThrownBy(() -> insert(c, COMMENT, document, null, person, "no anchor", "<p/>", null, null, null,
                        now)).as("a thread's first comment needs its anchor").isInstanceOf(SQLException.class);
                c.rollback(savepoint);
                try (PreparedStatement st = c.prepareStatement("delete from document where id = ?")) {
                    st.setLong(1, document);
                    st.executeUpdate();
                }
                try (PreparedStatement st = c.prepareStatement("select count(*) from document_comment")) {
                    ResultSet rs = st.executeQuery();
                    rs.next();
                    assertThat(rs.getLong(1)).as("comments go with their document").isZero();
                }
                c.rollback();
            }
        }
    }
}
