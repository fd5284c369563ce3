package org.issa.tcw.documents.consultation;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the rounds whose deadline has passed, each exactly once however many nodes run this (ADR
 * 064): every node may find the same due round, but only the one whose guarded update
 * ({@code ... where state = 'OPEN'}) changes the row publishes {@link ConsultationClosed}, in the
 * same transaction. Run by {@link RoundJobs} every minute; tests call {@link #closeDue} directly.
 */
@org.springframework.stereotype.Component
class RoundCloser {

    private static final Logger log = LoggerFactory.getLogger(RoundCloser.class);

    private final RoundStore store;
    private final ConsultationGrants grants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RoundStages stages;
    private final RoundSignals signals;

    RoundCloser(RoundStore store, ConsultationGrants grants, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock, RoundStages stages, RoundSignals signals) {
        this.signals = signals;
        this.store = store;
        this.grants = grants;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.stages = stages;
    }

    /** Closes what is due now. */
    int closeDue() {
        return closeDue(clock.instant());
    }

    /** Closes the rounds due at {@code now}; returns how many this call closed. */
    int closeDue(Instant now) {
        int closed = 0;
        for (long id : store.due(now)) {
            Boolean won = tx.execute(status -> {
                RoundStore.Round round = store.round(id).orElse(null);
                if (round == null || !store.close(id, now)) {
                    return false;
                }
                stages.closed(round);
                events.publishEvent(new ConsultationClosed(id, round.documentId(), round.commissionId(), now));
                grants.forget(round.documentId());
                signals.changed(round.documentId());
                return true;
            });
            if (Boolean.TRUE.equals(won)) {
                closed++;
                log.info("Consultation round {} closed at its deadline", id);
            }
        }
        return closed;
    }
}
