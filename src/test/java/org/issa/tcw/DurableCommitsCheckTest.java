package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start-up check of ADR 007 on real H2 file databases: one opened with the packaged default
 * URL's settings makes commits durable; one with H2's own default write delay, and one written
 * without the {@code durable:} file system, are reported.
 */
class DurableCommitsCheckTest {

    @BeforeAll
    static void registerDurableFileSystem() {
        DurableFilePath.register();
    }

    @Test
    void an_h2_file_database_with_the_default_urls_settings_makes_commits_durable() throws Exception {
        try (Connection c = DriverManager.getConnection(defaultUrl().replace("./data/tcw", freshFile()), "sa", "")) {
            assertThat(DurableCommitsCheck.problems(c)).isEmpty();
        }
    }

    @Test
    void an_h2_file_database_with_h2s_default_write_delay_is_reported() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:durable:" + freshFile(), "sa", "")) {
            assertThat(DurableCommitsCheck.problems(c)).singleElement().asString().contains("WRITE_DELAY=0");
        }
    }

    @Test
    void an_h2_file_database_whose_commits_are_not_forced_to_the_disk_is_reported() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + freshFile() + ";WRITE_DELAY=0", "sa", "")) {
            assertThat(DurableCommitsCheck.problems(c)).singleElement().asString().contains("jdbc:h2:durable:");
        }
    }

    private static String freshFile() {
        return Path.of("target", "durable-check", UUID.randomUUID().toString(), "tcw").toAbsolutePath().toString();
    }

    /** The datasource URL of the packaged application when nothing else is configured. */
    static String defaultUrl() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Application.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String url = properties.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:durable:./data/tcw;");
        return url;
    }
}
