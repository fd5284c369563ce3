package org.issa.tcw;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;

/**
 * Where start-up time goes (ADR 110). Off by default; with {@code -Dtcw.startup.timeline=true},
 * {@code --tcw.startup.timeline=true} or {@code TCW_STARTUP_TIMELINE=true} the application records
 * Spring's start-up steps (each bean's creation, the context's phases) in a
 * {@link BufferingApplicationStartup} and, once ready, logs the slowest steps with the JVM's uptime
 * (lines starting {@code startup-timeline}; {@code bench/startup/run.sh} reads them). A step's time
 * includes the steps nested in it (a bean's dependencies are created inside its own step).
 */
@Component
class StartupTimeline {

    static final String PROPERTY = "tcw.startup.timeline";
    /** How many steps are kept: the application creates about 2,000 beans. */
    private static final int CAPACITY = 20_000;
    /** How many of the slowest steps are logged. */
    static final int LOGGED = 40;

    private static final Logger log = LoggerFactory.getLogger(StartupTimeline.class);

    private final ApplicationStartup startup;

    StartupTimeline(ApplicationStartup startup) {
        this.startup = startup;
    }

    /** Whether the timeline was asked for, by a command-line argument, a system property or the environment. */
    static boolean requested(String[] args, @Nullable String property, @Nullable String environment) {
        for (String arg : args) {
            if (arg.equals("--" + PROPERTY) || arg.equals("--" + PROPERTY + "=true")) {
                return true;
            }
        }
        return "true".equalsIgnoreCase(property) || "true".equalsIgnoreCase(environment);
    }

    static BufferingApplicationStartup recorder() {
        return new BufferingApplicationStartup(CAPACITY);
    }

    @EventListener(ApplicationReadyEvent.class)
    void logWhenReady(ApplicationReadyEvent ready) {
        if (!(startup instanceof BufferingApplicationStartup buffering)) {
            return;
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        List<String> lines = slowest(buffering.getBufferedTimeline().getEvents(), LOGGED);
        log.info("startup-timeline ready: JVM uptime {} ms, context ready in {} ms, {} steps recorded", uptime,
                ready.getTimeTaken() == null ? -1 : ready.getTimeTaken().toMillis(),
                buffering.getBufferedTimeline().getEvents().size());
        lines.forEach(line -> log.info("startup-timeline {}", line));
    }

    /** The {@code limit} slowest steps, slowest first: "{ms} ms {step} {tags}". */
    static List<String> slowest(List<TimelineEvent> events, int limit) {
        List<TimelineEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(TimelineEvent::getDuration).reversed());
        return sorted.stream().limit(limit).map(StartupTimeline::line).toList();
    }

    private static String line(TimelineEvent event) {
        StartupStep step = event.getStartupStep();
        String tags = StreamSupport.stream(step.getTags().spliterator(), false)
                .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(" "));
        Duration duration = event.getDuration();
        return String.format("%6d ms %s %s", duration.toMillis(), step.getName(), tags).stripTrailing();
    }
}
