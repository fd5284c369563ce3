package org.issa.tcw.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Saved" means saved (issue 10, points 1 and 4): the packaged jar on the default embedded database
 * ({@code ./data/tcw} in its working directory, nothing overridden) makes changes through its real
 * services — threads with a mention (a notification), posts, milestones marked done, document
 * updates; the test takes note of every change acknowledged, kills the process with SIGKILL right
 * after one, starts the jar again on the same folder and looks every acknowledged change up. One
 * kill and one restart cover all kinds of change.
 */
class AcknowledgedChangesSurviveKillIT {

    private static final int ACKS_BEFORE_KILL = 24;

    @Test
    void every_change_acknowledged_before_a_kill_9_is_in_the_database_after_the_restart() throws Exception {
        Path dir = Path.of("target", "crash-it", UUID.randomUUID().toString()).toAbsolutePath();
        List<String> acks;
        try (ChildApp app = ChildApp.start(dir, "before-kill", Map.of("mode", "crash", "tokens", "k"))) {
            app.await(lines -> lines.stream().filter(l -> l.startsWith(Ack.PREFIX)).count() >= ACKS_BEFORE_KILL,
                    Duration.ofMinutes(10), ACKS_BEFORE_KILL + " acknowledged changes");
            app.kill();
            acks = app.lines(l -> l.startsWith(Ack.PREFIX));
            // the default URL's durable: file system was registered in time: no start-up warning, and
            // the database is the plain ./data/tcw.mv.db
            assertThat(app.lines(l -> l.contains("adr/007"))).as("durability warnings").isEmpty();
            assertThat(dir.resolve("data").resolve("tcw.mv.db")).isRegularFile();
        }
        Path ackFile = dir.resolve("acks.txt");
        Files.write(ackFile, acks);
        assertThat(acks).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (ChildApp check = ChildApp.start(dir, "after-restart", Map.of("mode", "check", "acks", ackFile.toString()))) {
            int exit = check.waitForExit(Duration.ofMinutes(10));
            assertThat(check.lines(l -> l.startsWith("MISSING "))).as("acknowledged before the kill, gone after it")
                    .isEmpty();
            assertThat(check.lines(l -> l.startsWith("CHECKED "))).containsExactly("CHECKED " + acks.size() + " 0");
            assertThat(exit).isZero();
        }
    }
}
