package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ADR 007 on real H2 file databases: through {@code durable:} every commit is forced to the disk
 * before it returns; without it commits are written but not forced; and an existing database file
 * opens through {@code durable:} unchanged. A counting file system ({@code counting:}) sits
 * between H2 and the disk and sees every write and {@code force} H2 or {@code durable:} makes.
 */
public class DurableFilePathTest {

    @BeforeAll
    static void registerFileSystems() {
        DurableFilePath.register();
        FilePath.register(new Counting());
    }

    @BeforeEach
    void resetCounters() {
        Counting.writes.set(0);
        Counting.forces.set(0);
        Counting.writesSinceForce.set(0);
    }

    @Test
    void through_durable_every_commit_is_forced_to_the_disk_before_it_returns() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:durable:counting:" + freshFile() + ";WRITE_DELAY=0",
                "sa", "")) {
            createTable(c);
            for (int i = 0; i < 20; i++) {
                long writesBefore = Counting.writes.get();
                long forcesBefore = Counting.forces.get();
                insert(c, i);
                assertThat(Counting.writes.get()).as("commit %d written", i).isGreaterThan(writesBefore);
                assertThat(Counting.forces.get()).as("commit %d forced", i).isGreaterThan(forcesBefore);
                assertThat(Counting.writesSinceForce.get()).as("writes of commit %d not forced", i).isZero();
            }
        }
    }

    @Test
    void without_durable_commits_are_written_but_not_forced() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:counting:" + freshFile() + ";WRITE_DELAY=0",
                "sa", "")) {
            createTable(c);
            long forcesBefore = Counting.forces.get();
            long writesBefore = Counting.writes.get();
            for (int i = 0; i < 20; i++) {
                insert(c, i);
            }
            assertThat(Counting.writes.get() - writesBefore).isGreaterThanOrEqualTo(20);
            assertThat(Counting.forces.get() - forcesBefore).isLessThan(10);
            assertThat(Counting.writesSinceForce.get()).isPositive();
        }
    }

    @Test
    void an_existing_database_file_opens_through_durable_unchanged() throws Exception {
        String file = freshFile();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "")) {
            createTable(c);
            insert(c, 1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:durable:" + file + ";WRITE_DELAY=0", "sa", "")) {
            assertThat(ids(c)).isEqualTo("1");
            insert(c, 2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
            assertThat(ids(c)).isEqualTo("1,2");
        }
        try (var files = Files.list(Path.of(file).getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("tcw.mv.db");
        }
    }

    private static void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key, text varchar(100))");
        }
    }

    private static void insert(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into t values (" + id + ", 'row " + id + "')");
        }
    }

    private static String ids(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select listagg(id, ',') within group (order by id) from t")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String freshFile() {
        return Path.of("target", "durable-files", UUID.randomUUID().toString(), "tcw").toAbsolutePath().toString();
    }

    /** {@code counting:<path>}: the file as it is, counting writes and forces on it. */
    public static final class Counting extends FilePathWrapper {

        static final AtomicLong writes = new AtomicLong();
        static final AtomicLong forces = new AtomicLong();
        static final AtomicLong writesSinceForce = new AtomicLong();

        @Override
        public String getScheme() {
            return "counting";
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            return new DurableFilePath.Delegating(getBase().open(mode)) {
                @Override
                public int write(ByteBuffer src, long position) throws IOException {
                    count();
                    return super.write(src, position);
                }

                @Override
                public int write(ByteBuffer src) throws IOException {
                    count();
                    return super.write(src);
                }

                private void count() {
                    writes.incrementAndGet();
                    writesSinceForce.incrementAndGet();
                }

                @Override
                public void force(boolean metaData) throws IOException {
                    super.force(metaData);
                    forces.incrementAndGet();
                    writesSinceForce.set(0);
                }
            };
        }
    }
}
