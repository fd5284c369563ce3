package org.issa.tcw.documents.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import org.issa.tcw.Application;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.testsupport.SignIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as the browser tests use it: started once per test JVM on 127.0.0.1 and a free
 * port, demo data in an H2 file database under {@code target/} (so that a restart keeps it), and
 * stoppable and startable again on the same port to test what people see when the server restarts.
 * It serves the production frontend bundle that {@code mvn package} built (the browser tests run
 * in {@code verify}).
 */
public final class RunningApp {

    private static ConfigurableApplicationContext context;
    private static int port;
    private static String database;

    private RunningApp() {
    }

    public static synchronized String url() {
        if (context == null) {
            if (port == 0) {
                port = freePort();
                // -Dtcw.it.database=<path without .mv.db>: an existing database (a benchmark's fixture, kept)
                database = System.getProperty("tcw.it.database",
                        Path.of("target", "browser-it", "tcw-" + UUID.randomUUID()).toAbsolutePath().toString());
            }
            start();
        }
        return "http://127.0.0.1:" + port + "/";
    }

    private static void start() {
        context = new SpringApplicationBuilder(Application.class).profiles("demo").run(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                // durable: and WRITE_DELAY as in the packaged default (ADR 007); -Dtcw.it.h2-write-delay=500
                // gives H2's own default and -Dtcw.it.h2-scheme=file the page cache only, for the
                // before/after benchmarks in docs/benchmarks-durability.md
                "--spring.datasource.url=jdbc:h2:" + System.getProperty("tcw.it.h2-scheme", "durable") + ":" + database + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY="
                        + Integer.getInteger("tcw.it.h2-write-delay", 0),
                // the search index beside this database (not ./data/search, which another run's database built)
                "--spring.jpa.properties.hibernate.search.backend.directory.root=" + database + "-search",
                "--vaadin.productionMode=true",
                "--vaadin.launch-browser=false",
                // open push connections would hold a graceful shutdown for 30 s at the end of the run
                "--server.shutdown=immediate",
                "--logging.level.com.vaadin=warn",
                "--logging.level.org.atmosphere=warn");
    }

    /** Stops the server (as a crash or a deployment would), keeping its database. */
    static synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** Starts it again on the same port and database. */
    static synchronized void startAgain() {
        if (context == null) {
            start();
        }
    }

    public static synchronized int port() {
        url();
        return port;
    }

    public static synchronized <T> T bean(Class<T> type) {
        url();
        return context.getBean(type);
    }

    /** The application's context (for fixtures that take one). */
    static synchronized ConfigurableApplicationContext context() {
        url();
        return context;
    }

    /** A new empty document in ICT, created through the service as the chair. */
    public static long newDocument(String title) {
        SignIn signIn = bean(SignIn.class);
        signIn.as("chair-ict");
        try {
            DocumentForm form = new DocumentForm();
            form.setTitle(title);
            form.setKind(DocumentKind.GUIDELINE);
            form.setLanguage(WorkingLanguage.EN);
            return bean(DocumentService.class).create("ICT", form);
        } finally {
            signIn.out();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
