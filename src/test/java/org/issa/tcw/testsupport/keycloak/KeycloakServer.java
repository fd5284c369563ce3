package org.issa.tcw.testsupport.keycloak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak for the tests: the Quarkus distribution that Maven unpacked into
 * {@code .keycloak/} (dependency plugin, phase pre-integration-test), in dev mode on 127.0.0.1
 * with an in-memory database and the realms of {@code keycloak/realms/} imported. A Keycloak
 * already running on the port with those realms (e.g. {@code keycloak/run-local.sh}) is reused.
 * Fails fast and clearly when the port is taken by something else, Keycloak exits, or it is not
 * ready within {@code keycloak.startTimeoutSeconds} (300 s: a first start rebuilds Keycloak once,
 * 45-60 s on a quiet 2-core machine, over 3 minutes on a heavily loaded one).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final int PORT = Integer.getInteger("keycloak.port", 8180);
    public static final int MANAGEMENT_PORT = Integer.getInteger("keycloak.managementPort", 9180);
    public static final String URL = "http://127.0.0.1:" + PORT;
    public static final String REALM = "tcw";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final List<String> REALMS = List.of("tcw", "inss-br", "drv-bund");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;   // null when an already running Keycloak is reused
    private final double startSeconds;

    private KeycloakServer(Process process, double startSeconds) {
        this.process = process;
        this.startSeconds = startSeconds;
    }

    /** Seconds until ready (0 when reused). */
    public double startSeconds() {
        return startSeconds;
    }

    public boolean reused() {
        return process == null;
    }

    static KeycloakServer startOrReuse() {
        try {
            if (ready()) {
                requireRealms();
                System.out.println("[keycloak] reusing the Keycloak running at " + URL);
                return new KeycloakServer(null, 0);
            }
            if (listening(PORT) || listening(MANAGEMENT_PORT)) {
                // a Keycloak still starting (or slow on a loaded machine) gets a minute to become ready
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline) {
                    if (ready()) {
                        requireRealms();
                        System.out.println("[keycloak] reusing the Keycloak running at " + URL);
                        return new KeycloakServer(null, 0);
                    }
                    Thread.sleep(1000);
                }
                throw new IllegalStateException("Port " + PORT + " or " + MANAGEMENT_PORT + " is in use by something that"
                        + " is not a ready Keycloak: stop it, or run with -Dkeycloak.port=... -Dkeycloak.managementPort=...");
            }
            return start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeycloakServer start() throws IOException, InterruptedException {
        Path home = Path.of(required("keycloak.home"));
        Path realms = Path.of(required("keycloak.realms"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run the tests through"
                    + " `./mvnw verify` (its pre-integration-test phase unpacks it)");
        }
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (Stream<Path> old = Files.list(importDir)) {
            for (Path file : old.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> files = Files.list(realms)) {
            for (Path realm : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(realm, importDir.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path log = home.resolveSibling("keycloak-test.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + PORT, "--http-management-port=" + MANAGEMENT_PORT,
                "--health-enabled=true", "--db=dev-mem", "--import-realm")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // every KC_* variable is Keycloak configuration: a stray one can stop it from starting
        builder.environment().keySet().removeIf(name -> name.startsWith("KC_"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // placeholders of the realm files: the brokers' endpoints on this port
        builder.environment().put("TCW_KEYCLOAK_URL", URL);
        builder.environment().put("TCW_KEYCLOAK_INTERNAL_URL", URL);
        builder.environment().put("JAVA_HOME", System.getProperty("keycloak.javaHome", System.getProperty("java.home")));
        long started = System.nanoTime();
        Process process = builder.start();
        KeycloakServer server = new KeycloakServer(process, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        long deadline = started + TimeUnit.SECONDS.toNanos(Long.getLong("keycloak.startTimeoutSeconds", 300));
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + " before it was"
                        + " ready; its log: " + log + "\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                server.stop();
                throw new IllegalStateException("Keycloak was not ready within " + Long.getLong(
                        "keycloak.startTimeoutSeconds", 300) + " s; its log: " + log + "\n" + tail(log));
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        requireRealms();
        System.out.printf("[keycloak] started at %s in %.1f s (pid %d, log %s)%n", URL, seconds, process.pid(), log);
        return new KeycloakServer(process, seconds);
    }

    private static void requireRealms() throws IOException, InterruptedException {
        for (String realm : REALMS) {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(URL + "/realms/" + realm + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The Keycloak at " + URL + " has no realm '" + realm + "' (HTTP "
                        + response.statusCode() + "): start it with keycloak/run-local.sh, or stop it");
            }
        }
    }

    static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the *IT tests through"
                    + " `./mvnw verify` (failsafe sets it)");
        }
        return value;
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        System.out.printf("[keycloak] stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
