package org.issa.tcw.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's HAProxy running the committed balancer configuration ({@code cluster/haproxy.cfg},
 * ADR 102) in front of application nodes on 127.0.0.1: the test fills the configuration's
 * environment ({@code TCW_LB_BIND}, {@code TCW_NODE1}, {@code TCW_NODE2}) with its ports. Without
 * HAProxy the cluster test is skipped with a message, unless {@code -Dbrowser.required=true}
 * ({@code .ci/run}, which installs it) makes it fail.
 */
public final class HaProxy implements AutoCloseable {

    /** The committed configuration, relative to the project directory (where Maven runs the tests). */
    public static final Path CONFIG = Path.of("cluster", "haproxy.cfg");

    private final Process process;
    private final int port;
    private final Path log;

    private HaProxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The HAProxy executable: {@code -Dhaproxy.binary}, else {@code haproxy} on the PATH or in /usr/sbin. */
    public static String binary() {
        String configured = System.getProperty("haproxy.binary");
        if (configured != null) {
            return configured;
        }
        for (String dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin")
                .split(File.pathSeparator)) {
            File candidate = new File(dir, "haproxy");
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return "haproxy";
    }

    public static void requireInstalled() {
        boolean present = new File(binary()).canExecute();
        if (!present && Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException("HAProxy is required for the cluster test (browser.required=true) but "
                    + "no haproxy executable was found (PATH, /usr/sbin, -Dhaproxy.binary): apt-get install -y haproxy");
        }
        Assumptions.assumeTrue(present, "HAProxy not installed: the cluster test is skipped. Install Debian's "
                + "haproxy (apt-get install -y haproxy) to run it; .ci/run does.");
    }

    /** Starts the balancer on a free port of 127.0.0.1 in front of the nodes ({@code host:port} each, two). */
    public static HaProxy start(List<String> nodes) throws IOException, InterruptedException {
        if (nodes.size() != 2) {
            throw new IllegalArgumentException("cluster/haproxy.cfg names two nodes: " + nodes);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "haproxy-" + port + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(binary(), "-db", "-f", CONFIG.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TCW_LB_BIND", "127.0.0.1:" + port);
        builder.environment().put("TCW_NODE1", nodes.get(0));
        builder.environment().put("TCW_NODE2", nodes.get(1));
        Process process = builder.start();
        HaProxy haProxy = new HaProxy(process, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited at start (" + process.exitValue() + "): "
                        + Files.readString(log));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return haProxy;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        haProxy.close();
        throw new IllegalStateException("HAProxy did not listen on " + port + " within 20 s; see " + log);
    }

    public int port() {
        return port;
    }

    /** The application as browsers reach it through the balancer. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
