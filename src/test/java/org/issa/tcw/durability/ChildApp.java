package org.issa.tcw.durability;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged jar with {@link WorkloadMain} in it, as a separate process that can be killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux): Spring Boot's {@code PropertiesLauncher}
 * runs the jar's own classes, libraries and configuration, with the test classes added. Its working
 * directory is given, so the default database {@code ./data/tcw} lands there. Every output line is
 * kept (and written to {@code <dir>/<name>.log}).
 */
final class ChildApp implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path log;

    private ChildApp(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::read, "child-app-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildApp start(Path workDir, String name, Map<String, String> workload, String... springArgs)
            throws IOException {
        String jar = System.getProperty("app.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("The packaged jar is missing (system property app.jar = " + jar
                    + "); run with ./mvnw verify");
        }
        Files.createDirectories(workDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m",
                "-Dloader.path=" + Path.of("target", "test-classes").toAbsolutePath(),
                "-Dloader.main=" + WorkloadMain.class.getName()));
        workload.forEach((k, v) -> command.add("-Dworkload." + k + "=" + v));
        command.addAll(List.of("-cp", new File(jar).getAbsolutePath(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", "--server.address=127.0.0.1",
                "--server.port=" + freePort(), "--tcw.discussion.posts-per-minute=100000",
                "--logging.level.com.vaadin=warn", "--logging.level.org.atmosphere=warn"));
        command.addAll(List.of(springArgs));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        return new ChildApp(process, workDir.resolve(name + ".log"));
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                out.println(line);
                out.flush();
            }
        } catch (IOException e) {
            lines.add("OUTPUT-ERROR " + e);
        }
    }

    List<String> lines(Predicate<String> which) {
        return lines.stream().filter(which).toList();
    }

    /** Waits (polling, with a deadline) until {@code enough} holds for the output so far. */
    void await(Predicate<List<String>> enough, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!enough.test(lines)) {
            if (!process.isAlive() && !enough.test(lines)) {
                throw new IllegalStateException("The application exited before " + what + "; see " + log.toAbsolutePath());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No " + what + " within " + timeout + "; see " + log.toAbsolutePath());
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL: no shutdown hook, no H2 close, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Still running after " + timeout + "; see " + log.toAbsolutePath());
        }
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
