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
import org.jspecify.annotations.Nullable;

/**
 * The packaged production jar, started as a separate process on 127.0.0.1 and a free port (demo
 * profile), for end-to-end tests; stopped by {@link #close()}. {@link #start(String...)} gives it a
 * private in-memory database; {@link #inFolder(Path, String...)} runs it in a folder of its own
 * with the default embedded database ({@code ./data} there, as a person running the jar gets it),
 * which survives {@link #kill()} and {@link #restart()}.
 */
public final class RunningJar implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startup;
    private final @Nullable Path folder;
    private final List<String> args;

    private RunningJar(Process process, int port, Path log, Duration startup, @Nullable Path folder,
            List<String> args) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startup = startup;
        this.folder = folder;
        this.args = args;
    }

    public static RunningJar start(String... extraArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1"));
        args.addAll(List.of(extraArgs));
        return launch(freePort(), null, args);
    }

    /**
     * The jar run in {@code folder} (created if needed) with the default embedded database, i.e.
     * {@code folder/data}, exactly as a person running {@code java -jar} there gets it.
     */
    public static RunningJar inFolder(Path folder, String... extraArgs) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        return launch(freePort(), folder.toAbsolutePath(), List.of(extraArgs));
    }

    /** Kills the process as a crash would ({@code kill -9}): no shutdown hook, no database close. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the jar again on the same port, folder (database) and arguments; this one must be stopped. */
    public RunningJar restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("Still running: kill() or close() it first");
        }
        return launch(port, folder, args);
    }

    public int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static RunningJar launch(int port, @Nullable Path folder, List<String> args)
            throws IOException, InterruptedException {
        String jar = System.getProperty("app.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("The packaged jar is missing (system property app.jar = " + jar
                    + "); run the browser tests with ./mvnw verify");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-jar", new File(jar).getAbsolutePath(),
                "--server.address=127.0.0.1", "--server.port=" + port));
        command.addAll(args);
        Path log = Path.of("target", "e2e-app-" + port + "-" + System.currentTimeMillis() + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (folder != null) {
            builder.directory(folder.toFile());
        }
        Process process = builder.start();
        RunningJar app = new RunningJar(process, port, log, Duration.ZERO, folder, args);
        // generous: on a loaded shared machine a start took over 180 s (app.start.timeout.seconds)
        long timeout = Long.getLong("app.start.timeout.seconds", 300);
        long deadline = System.currentTimeMillis() + timeout * 1000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited during start-up; see " + log.toAbsolutePath());
            }
            if (app.healthy()) {
                return new RunningJar(process, port, log, Duration.ofNanos(System.nanoTime() - started), folder, args);
            }
            Thread.sleep(500);
        }
        app.close();
        throw new IllegalStateException("The application did not become healthy within " + timeout + " s; see "
                + log.toAbsolutePath());
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
