package org.issa.tcw.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The scheduled-job lock on the embedded database, and the jobs actually behind it. */
@SpringTest
class ScheduledJobsTest {

    @Autowired
    LockProvider locks;
    @Autowired
    ApplicationContext context;

    @Test
    void a_held_job_cannot_be_taken_twice_and_can_be_taken_again_once_released() {
        LockConfiguration job = new LockConfiguration(Instant.now(), "test.embedded", Duration.ofMinutes(5),
                Duration.ZERO);
        Optional<SimpleLock> first = locks.lock(job);
        assertThat(first).isPresent();
        assertThat(locks.lock(job)).isEmpty();
        first.get().unlock();
        Optional<SimpleLock> again = locks.lock(job);
        assertThat(again).isPresent();
        again.get().unlock();
    }

    @Test
    void the_locked_jobs_are_proxied_so_that_their_lock_is_taken() {
        assertThat(AopUtils.isAopProxy(context.getBean(org.issa.tcw.programme.MilestoneWatch.class)))
                .as("the daily milestone watch runs through its lock").isTrue();
    }
}
