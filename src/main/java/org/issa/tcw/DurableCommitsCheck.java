package org.issa.tcw;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, in the log, when the database would acknowledge a commit before it is durable
 * (ADR 007): an H2 file database with a write delay or not opened through the {@code durable:} file
 * system (commits then reach the operating system's cache, not the disk), or a PostgreSQL with
 * {@code synchronous_commit} or {@code fsync} off. The application itself never turns these off; this catches a hand-written
 * datasource URL or a server configured for speed.
 */
@Component
class DurableCommitsCheck {

    private static final Logger log = LoggerFactory.getLogger(DurableCommitsCheck.class);

    private final DataSource dataSource;

    DurableCommitsCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfCommitsAreNotDurable() {
        try (Connection c = dataSource.getConnection()) {
            problems(c).forEach(problem -> log.warn("{} (see docs/adr/007-durable-commits-on-every-database.md)",
                    problem));
        } catch (SQLException e) {
            log.warn("Could not check whether commits are durable", e);
        }
    }

    /** What makes commits on this connection's database not durable; empty when they are. */
    static List<String> problems(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        String product = c.getMetaData().getDatabaseProductName();
        if (product.equals("H2")) {
            String url = c.getMetaData().getURL();
            if (!url.contains(":mem:")) {
                String delay = value(c,
                        "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'");
                if (!"0".equals(delay)) {
                    problems.add("H2 writes commits up to " + delay + " ms after acknowledging them: a crash loses"
                            + " them; add ;WRITE_DELAY=0 to the datasource URL");
                }
                if (!url.startsWith("jdbc:h2:" + DurableFilePath.SCHEME + ":")) {
                    problems.add("H2 does not force commits to the disk: a power cut or an operating-system crash"
                            + " can lose acknowledged ones; open the database as jdbc:h2:"
                            + DurableFilePath.SCHEME + ":<path>");
                } else if (!DurableFilePath.isRegistered()) {
                    problems.add("H2's " + DurableFilePath.SCHEME + ": file system is not registered: the database"
                            + " file is neither forced to the disk nor where the URL says");
                }
            }
        } else if (product.equals("PostgreSQL")) {
            for (String setting : List.of("synchronous_commit", "fsync")) {
                if ("off".equals(value(c, "show " + setting))) {
                    problems.add("PostgreSQL " + setting + " is off: a crash can lose acknowledged commits");
                }
            }
        }
        return problems;
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
