package org.issa.tcw.testsupport;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements Hibernate prepares while a piece of code runs (its statistics, which
 * the test profile enables): what the "no N+1" and "one look-up per request" tests compare.
 */
@Component
public class StatementCounter {

    private final EntityManagerFactory entityManagerFactory;

    StatementCounter(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /**
     * The statements prepared while {@code action} ran (by any thread: run nothing else meanwhile).
     * Fails if Hibernate's statistics are off, rather than counting nothing.
     */
    public long statements(Runnable action) {
        return count(action).statements();
    }

    /** What Hibernate did while {@code action} ran: statements prepared, sessions opened, transactions. */
    public record Counts(long statements, long sessions, long transactions) {
    }

    /** As {@link #statements(Runnable)}, with the sessions and transactions (one connection each). */
    public Counts count(Runnable action) {
        Statistics stats = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        if (!stats.isStatisticsEnabled()) {
            throw new IllegalStateException("Hibernate statistics are off: the test profile must enable them"
                    + " (hibernate.generate_statistics)");
        }
        stats.clear();
        action.run();
        return new Counts(stats.getPrepareStatementCount(), stats.getSessionOpenCount(), stats.getTransactionCount());
    }
}
