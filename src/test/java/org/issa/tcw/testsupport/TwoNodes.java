package org.issa.tcw.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.issa.tcw.Application;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes in this JVM on one embedded PostgreSQL (on 127.0.0.1), with the cluster's
 * live delivery ({@code tcw.cluster.bus=postgres}, ADR 100), each with its own web server on a free
 * port. Started once by the first test that asks and shared by all (starting them costs two
 * application starts); stopped when the test JVM ends.
 */
public final class TwoNodes {

    private static TwoNodes instance;

    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext a;
    private final ConfigurableApplicationContext b;

    private TwoNodes() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        a = node();
        b = node();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "two-nodes-stop"));
    }

    public static synchronized TwoNodes get() {
        if (instance == null) {
            try {
                instance = new TwoNodes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }
        return instance;
    }

    private ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.SERVLET)
                .profiles("demo", "test", "postgres")
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--tcw.cluster.bus=postgres", "--spring.main.banner-mode=off", "--server.port=0",
                        "--server.address=127.0.0.1");
    }

    public ConfigurableApplicationContext a() {
        return a;
    }

    public ConfigurableApplicationContext b() {
        return b;
    }

    /** The shared database itself (to cut connections, for instance). */
    public DataSource database() {
        return postgres.getPostgresDatabase();
    }

    /** The port node {@code node}'s web server listens on (127.0.0.1). */
    public static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port", "0"));
    }

    private void stop() {
        a.close();
        b.close();
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is ending
        }
    }
}
