package org.issa.tcw.durability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.issa.tcw.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application with a {@link Workload} in the same process, as the crash test and the soak
 * script start it: the packaged jar's own classes and configuration (through Spring Boot's
 * {@code PropertiesLauncher}, with the test classes added by {@code loader.path}), on the default
 * embedded database {@code ./data/tcw} of its working directory. Arguments go to Spring; the mode
 * comes from system properties:
 * <ul>
 * <li>{@code workload.mode=crash}: changes forever, one {@code ACK} line each, all pool connections
 * retired before each round (the test kills it);
 * <li>{@code workload.mode=check}, {@code workload.acks=<file>}: finds every acknowledged change of
 * the file, prints {@code MISSING …} lines and {@code CHECKED <acks> <missing>}, and exits;
 * <li>{@code workload.mode=soak}, {@code workload.minutes}, {@code workload.acks=<file>}: changes and
 * reads at a light pace for that long, records every acknowledged change in the file, counts errors,
 * then checks everything and prints {@code SOAK-RESULT …}.
 * <li>{@code workload.mode=bench}, {@code workload.blocks}: times posts and keystroke pushes with H2's
 * write delay at its default (500 ms) and at 0, alternating in blocks within one process, and
 * prints {@code BENCH …} lines (medians and 95th percentiles in ms, and their ratio).
 * </ul>
 */
public final class WorkloadMain {

    private WorkloadMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("workload.mode", "crash");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).run(args);
        Workload workload = new Workload(context);
        int status = 0;
        try {
            switch (mode) {
                case "crash" -> crash(workload, context, System.getProperty("workload.tokens", "c"));
                case "check" -> status = check(workload, Path.of(System.getProperty("workload.acks"))) ? 0 : 1;
                case "soak" -> status = soak(workload, context, Path.of(System.getProperty("workload.acks")),
                        Duration.ofMinutes(Long.getLong("workload.minutes", 60)),
                        Duration.ofMillis(Long.getLong("workload.pauseMillis", 5000))) ? 0 : 1;
                case "bench" -> bench(workload, context, Integer.getInteger("workload.blocks", 6));
                default -> throw new IllegalArgumentException("workload.mode " + mode);
            }
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            status = 2;
        } finally {
            context.close();
        }
        System.exit(status);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void crash(Workload workload, ConfigurableApplicationContext context, String prefix)
            throws java.sql.SQLException {
        // Every pool connection is retired before each round, as max-lifetime does over time: the
        // crash test also covers the database staying usable (issue 10, point 5).
        var pool = context.getBean(DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class)
                .getHikariPoolMXBean();
        workload.setUp();
        say("READY");
        for (int n = 1; ; n++) {
            pool.softEvictConnections();
            workload.round(prefix + "-" + n + "x", ack -> say(ack.line()));
        }
    }

    private static boolean check(Workload workload, Path ackFile) throws IOException {
        List<Ack> acks = Files.readAllLines(ackFile).stream().filter(l -> l.startsWith(Ack.PREFIX)).map(Ack::parse)
                .toList();
        List<String> missing = workload.check(acks);
        missing.forEach(m -> say("MISSING " + m));
        say("CHECKED " + acks.size() + " " + missing.size());
        return missing.isEmpty();
    }

    private static boolean soak(Workload workload, ConfigurableApplicationContext context, Path ackFile,
            Duration duration, Duration pause) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        workload.setUp();
        say("READY");
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long nextReport = start;
        int rounds = 0;
        int errors = 0;
        List<Long> roundMillis = new ArrayList<>();
        List<Ack> acks = new ArrayList<>();
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try {
                List<Ack> round = new ArrayList<>();
                workload.round("s-" + (rounds + 1) + "x", round::add);
                workload.reads();
                acks.addAll(round);
                Files.write(ackFile, round.stream().map(Ack::line).toList(), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (RuntimeException e) {
                errors++;
                say("ERROR round " + (rounds + 1) + ": " + e);
            }
            rounds++;
            roundMillis.add((System.nanoTime() - t0) / 1_000_000);
            if (System.nanoTime() >= nextReport) {
                say("SOAK minute=" + (System.nanoTime() - start) / 60_000_000_000L + " rounds=" + rounds + " errors="
                        + errors + " acks=" + acks.size() + " sessionsOpened=" + sessionsOpened(jdbc));
                nextReport += 60_000_000_000L;
            }
            Thread.sleep(pause.toMillis());
        }
        List<String> missing = workload.check(acks);
        missing.forEach(m -> say("MISSING " + m));
        List<Long> sorted = roundMillis.stream().sorted().toList();
        say("SOAK-RESULT minutes=" + duration.toMinutes() + " rounds=" + rounds + " errors=" + errors + " acks="
                + acks.size() + " missing=" + missing.size() + " sessionsOpened=" + sessionsOpened(jdbc)
                + " roundMillisP50=" + sorted.get(sorted.size() / 2) + " roundMillisP95="
                + sorted.get(sorted.size() * 95 / 100));
        return errors == 0 && missing.isEmpty();
    }

    private static void bench(Workload workload, ConfigurableApplicationContext context, int blocks) {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        workload.setUp();
        long thread = workload.newThread("b-" + System.nanoTime());
        java.util.Map<Integer, List<Long>> posts = new java.util.TreeMap<>();
        java.util.Map<Integer, List<Long>> keys = new java.util.TreeMap<>();
        // warm-up: JIT, caches, the yjs engine
        for (int i = 0; i < 30; i++) {
            workload.timedPost(thread, "warm-up " + i);
        }
        workload.timedKeystrokes("warm up the editor path");
        // workload.delays=0 times only the write delay of the packaged default: for comparing file
        // systems (file: against durable:, ADR 007) in separate processes
        List<Integer> delays = java.util.Arrays.stream(System.getProperty("workload.delays", "500,0").split(","))
                .map(Integer::valueOf).toList();
        for (int block = 0; block < blocks * delays.size(); block++) {
            int delay = delays.get(block % delays.size());
            jdbc.execute("SET WRITE_DELAY " + delay);
            say("BENCH block " + block + " write_delay=" + jdbc.queryForList(
                    "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'",
                    String.class));
            for (int i = 0; i < 50; i++) {
                posts.computeIfAbsent(delay, d -> new ArrayList<>()).add(workload.timedPost(thread, "post " + block + "-" + i));
            }
            keys.computeIfAbsent(delay, d -> new ArrayList<>())
                    .addAll(workload.timedKeystrokes(" the quick brown fox jumps over the lazy dog " + block));
        }
        report("post commit", posts);
        report("keystroke push (server: store, commit, acknowledge)", keys);
    }

    private static void report(String what, java.util.Map<Integer, List<Long>> byDelay) {
        double median500 = byDelay.containsKey(500) ? percentile(byDelay.get(500), 50) : 0;
        double median0 = byDelay.containsKey(0) ? percentile(byDelay.get(0), 50) : 0;
        byDelay.forEach((delay, times) -> say(String.format(java.util.Locale.ROOT,
                "BENCH %s write_delay=%d n=%d median_ms=%.2f p95_ms=%.2f", what, delay, times.size(),
                percentile(times, 50), percentile(times, 95))));
        if (byDelay.size() == 2) {
            say(String.format(java.util.Locale.ROOT, "BENCH %s median ratio write_delay 0 / 500 = %.2f", what,
                    median0 / median500));
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    /** H2 numbers its sessions from 1 as they open: the highest id is how many connections were opened. */
    private static long sessionsOpened(JdbcTemplate jdbc) {
        Long max = jdbc.queryForObject("select max(session_id) from information_schema.sessions", Long.class);
        return max == null ? 0 : max;
    }
}
