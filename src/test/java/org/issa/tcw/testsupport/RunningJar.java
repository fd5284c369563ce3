package org.issa.tcw.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged production jar, started as a separate process on 127.0.0.1 and a free port (demo
 * profile, private in-memory database), for end-to-end tests; stopped by {@link #close()}.
 */
public final class RunningJar implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startup;

    private RunningJar(Process process, int port, Path log, Duration startup) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startup = startup;
    }

    public static RunningJar start(String... extraArgs) throws IOException, InterruptedException {
        String jar = System.getProperty("app.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("The packaged jar is missing (system property app.jar = " + jar
                    + "); run the browser tests with ./mvnw verify");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-jar", jar,
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1"));
        command.addAll(List.of(extraArgs));
        Path log = Path.of("target", "e2e-app-" + port + ".log");
        Files.createDirectories(log.getParent());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningJar app = new RunningJar(process, port, log, Duration.ZERO);
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited during start-up; see " + log.toAbsolutePath());
            }
            if (app.healthy()) {
                return new RunningJar(process, port, log, Duration.ofNanos(System.nanoTime() - started));
            }
            Thread.sleep(500);
        }
        app.close();
        throw new IllegalStateException("The application did not become healthy within 180 s; see " + log.toAbsolutePath());
    }

    private boolean healthy() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url("/actuator/health")).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Duration startup() {
        return startup;
    }

    /** Resident set size of the application process in MB (Linux), or -1. */
    public long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
