package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/** ADR 110: the start-up timeline is off unless asked for, and lists the slowest steps first. */
class StartupTimelineTest {

    @Test
    void it_is_asked_for_by_argument_property_or_environment_only() {
        assertThat(StartupTimeline.requested(new String[0], null, null)).isFalse();
        assertThat(StartupTimeline.requested(new String[] {"--tcw.startup.timeline=false"}, "false", "no")).isFalse();
        assertThat(StartupTimeline.requested(new String[] {"--server.port=1", "--tcw.startup.timeline=true"}, null, null))
                .isTrue();
        assertThat(StartupTimeline.requested(new String[] {"--tcw.startup.timeline"}, null, null)).isTrue();
        assertThat(StartupTimeline.requested(new String[0], "true", null)).isTrue();
        assertThat(StartupTimeline.requested(new String[0], null, "TRUE")).isTrue();
    }

    @Test
    void the_slowest_steps_come_first_with_their_tags() throws InterruptedException {
        BufferingApplicationStartup startup = StartupTimeline.recorder();
        // the first step of a JVM pays for loading the recorder's classes: not what is compared here
        startup.start("warm.up").end();
        StartupStep quick = startup.start("quick.step");
        quick.end();
        StartupStep slow = startup.start("spring.beans.instantiate").tag("beanName", "slowBean");
        Thread.sleep(300);
        slow.end();
        List<String> lines = StartupTimeline.slowest(startup.getBufferedTimeline().getEvents(), 1);
        // 300 ms against two steps that do nothing: the order holds on a loaded machine too
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("spring.beans.instantiate beanName=slowBean").doesNotContain("quick");
        assertThat(Long.parseLong(lines.getFirst().trim().split(" ")[0])).isGreaterThanOrEqualTo(300);
    }
}
