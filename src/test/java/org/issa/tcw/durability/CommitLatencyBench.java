package org.issa.tcw.durability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.issa.tcw.DurableFilePath;

/**
 * Plain H2 (no application): the time of a one-row insert + commit on a file database with
 * {@code WRITE_DELAY=0}, through {@code jdbc:h2:file:} (written to the page cache) and
 * {@code jdbc:h2:durable:} (forced to the disk), in alternating blocks so both see the same load.
 * Then the commits per second of 8 connections committing at once, per setting. Prints
 * {@code BENCH …} lines (median, p95, ratio). Run by {@code bench/durability/run.sh fsync}.
 *
 * <p>usage: {@code java -cp h2.jar:target/classes:target/test-classes
 * org.issa.tcw.durability.CommitLatencyBench [blocks=5] [commits per block=200] [directory=target/bench]}
 */
public final class CommitLatencyBench {

    private CommitLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perBlock = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/bench").toAbsolutePath();
        DurableFilePath.register();
        String file = dir.resolve("commit-bench-" + UUID.randomUUID()).resolve("db").toString();
        List<Long> plain = new ArrayList<>();
        List<Long> durable = new ArrayList<>();
        try (Connection setUp = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "");
                Statement s = setUp.createStatement()) {
            s.execute("create table t (id bigint primary key, text varchar(200))");
        }
        long id = 0;
        for (int block = -1; block < blocks * 2; block++) {
            boolean forced = block % 2 != 0;
            String url = "jdbc:h2:" + (forced ? "durable:" : "file:") + file + ";WRITE_DELAY=0";
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                    PreparedStatement insert = c.prepareStatement("insert into t values (?, ?)")) {
                for (int i = 0; i < perBlock; i++) {
                    insert.setLong(1, ++id);
                    insert.setString(2, "a keystroke's update, a few dozen bytes " + id);
                    long start = System.nanoTime();
                    insert.executeUpdate();
                    long took = System.nanoTime() - start;
                    if (block >= 0) {
                        (forced ? durable : plain).add(took);
                    }
                }
            }
        }
        final long lastId = id;
        report("one-row insert + commit", plain, durable);
        throughput(file, blocks, lastId);
    }

    /**
     * Commits per second with 8 connections committing at once (as 8 editors' pushes would), in
     * alternating 2-second blocks per setting.
     */
    private static void throughput(String file, int blocks, long firstId) throws Exception {
        int threads = 8;
        java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong(firstId);
        List<Long> plain = new ArrayList<>();
        List<Long> durable = new ArrayList<>();
        for (int block = 0; block < blocks * 2; block++) {
            boolean forced = block % 2 != 0;
            String url = "jdbc:h2:" + (forced ? "durable:" : "file:") + file + ";WRITE_DELAY=0";
            List<Connection> connections = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                connections.add(DriverManager.getConnection(url, "sa", ""));
            }
            java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
            long end = System.nanoTime() + 2_000_000_000L;
            List<Thread> running = new ArrayList<>();
            for (Connection c : connections) {
                running.add(Thread.ofPlatform().start(() -> {
                    try (PreparedStatement insert = c.prepareStatement("insert into t values (?, ?)")) {
                        while (System.nanoTime() < end) {
                            long id = ids.incrementAndGet();
                            insert.setLong(1, id);
                            insert.setString(2, "a keystroke's update, a few dozen bytes " + id);
                            insert.executeUpdate();
                            commits.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread t : running) {
                t.join();
            }
            for (Connection c : connections) {
                c.close();
            }
            (forced ? durable : plain).add(commits.get() / 2);
        }
        System.out.printf(Locale.ROOT, "BENCH commits per second, %d connections at once: file: %s, durable: %s;"
                + " median ratio durable / file = %.2f%n", threads, plain, durable,
                (double) median(durable) / median(plain));
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    static void report(String what, List<Long> plain, List<Long> durable) {
        say(what, "file: (page cache)", plain);
        say(what, "durable: (forced)", durable);
        System.out.printf(Locale.ROOT, "BENCH %s median ratio durable / file = %.2f%n", what,
                percentile(durable, 50) / percentile(plain, 50));
    }

    private static void say(String what, String setting, List<Long> times) {
        System.out.printf(Locale.ROOT, "BENCH %s %s n=%d median_ms=%.2f p95_ms=%.2f%n", what, setting,
                times.size(), percentile(times, 50), percentile(times, 95));
    }

    static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
