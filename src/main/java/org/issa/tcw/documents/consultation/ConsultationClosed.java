package org.issa.tcw.documents.consultation;

import java.time.Instant;

/**
 * A round closed at its deadline. Published once per closing, in the transaction of the one node
 * whose guarded update closed it (ADR 064; {@link RoundCloser} is the only place that publishes
 * it). A round whose deadline was extended after it closed is open again and, at its new deadline,
 * closes — and is announced — once more. Listeners (milestones at risk, e-mail) rely on these
 * fields; keep them stable.
 *
 * @param at when it was closed
 */
public record ConsultationClosed(long roundId, long documentId, long commissionId, Instant at) {
}
