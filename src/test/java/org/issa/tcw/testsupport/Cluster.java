package org.issa.tcw.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * The cluster as an operator runs it, on this machine (ADR 100, 102): one embedded PostgreSQL on
 * 127.0.0.1, the packaged jar twice ({@link RunningJar}, node A and node B, the live delivery through
 * PostgreSQL) and HAProxy with the committed {@code cluster/haproxy.cfg} in front ({@link HaProxy}).
 * Browsers use {@link #url(String)} (the balancer) only; {@link #pin} sends one to a node by the
 * balancer's sticky cookie, and {@link #holdsSession} asks a node directly whether a session is
 * signed in there.
 */
public final class Cluster implements AutoCloseable {

    /** The balancer's sticky cookie and its value per node (cluster/haproxy.cfg). */
    public static final String COOKIE = "TCW_NODE";

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final EmbeddedPostgres postgres;
    private final RunningJar a;
    private final RunningJar b;
    private final HaProxy balancer;

    private Cluster(EmbeddedPostgres postgres, RunningJar a, RunningJar b, HaProxy balancer) {
        this.postgres = postgres;
        this.a = a;
        this.b = b;
        this.balancer = balancer;
    }

    /**
     * Starts PostgreSQL, node A, then node B (the first one migrates the empty database and adds the
     * demo data), then the balancer. {@code profiles} e.g. {@code demo,postgres} (local demo
     * sign-in) or {@code demo,sso,postgres}; {@code extraArgs} go to both nodes.
     */
    public static Cluster start(String profiles, String... extraArgs) throws IOException, InterruptedException {
        HaProxy.requireInstalled();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profiles,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--tcw.cluster.bus=postgres", "--server.shutdown=immediate", "--logging.level.com.vaadin=warn",
                "--logging.level.org.atmosphere=warn"));
        args.addAll(List.of(extraArgs));
        RunningJar a = null;
        RunningJar b = null;
        try {
            a = RunningJar.inFolder(folder("a"), args.toArray(String[]::new));
            b = RunningJar.inFolder(folder("b"), args.toArray(String[]::new));
            HaProxy balancer = HaProxy.start(List.of("127.0.0.1:" + a.port(), "127.0.0.1:" + b.port()));
            return new Cluster(postgres, a, b, balancer);
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (RunningJar started : new RunningJar[] {a, b}) {
                if (started != null) {
                    started.close();
                }
            }
            postgres.close();
            throw e;
        }
    }

    private static Path folder(String name) {
        return Path.of("target", "cluster", name + "-" + System.nanoTime()).toAbsolutePath();
    }

    public RunningJar a() {
        return a;
    }

    public RunningJar b() {
        return b;
    }

    public HaProxy balancer() {
        return balancer;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    /** The application through the balancer. */
    public String url(String path) {
        return balancer.url(path);
    }

    /** The balancer's cookie value that sends a browser to {@code node}. */
    public String cookieOf(RunningJar node) {
        return node == a ? "node1" : "node2";
    }

    /** Pins the browser to {@code node} (before it has a session): the balancer's cookie names it. */
    public void pin(WebDriver driver, RunningJar node) {
        driver.get(url("/actuator/health/readiness"));
        driver.manage().addCookie(new Cookie(COOKIE, cookieOf(node), "/"));
    }

    /** Whether {@code node}, asked directly, knows {@code sessionId} as a signed-in session. */
    public static boolean holdsSession(RunningJar node, String sessionId) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/commissions")))
                    .header("Cookie", "JSESSIONID=" + sessionId).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            throw new AssertionError("the node on port " + node.port() + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the node's process answers at all. */
    public static boolean answers(RunningJar node) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/actuator/health/liveness"))).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        balancer.close();
        a.close();
        b.close();
        postgres.close();
    }
}
