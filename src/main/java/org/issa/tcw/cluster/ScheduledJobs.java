package org.issa.tcw.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduler, and the lock that makes a scheduled job run once per cluster (ADR 100): a job
 * annotated {@code @SchedulerLock} runs on the node that takes its row of the {@code shedlock}
 * table, with the database's clock so that the nodes' clocks do not matter. A node that dies while
 * holding a lock holds it at most {@code lockAtMostFor} (10 minutes unless the job says otherwise);
 * the next run on another node then takes it. On a single node the same code runs, against the
 * embedded database.
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ScheduledJobs {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }
}
