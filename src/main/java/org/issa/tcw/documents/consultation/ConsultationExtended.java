package org.issa.tcw.documents.consultation;

import java.time.Instant;

/**
 * Published in the transaction that moved a round's deadline later (a round that had closed at its
 * deadline is open again until the new one, and {@link ConsultationClosed} is published again when
 * it closes).
 *
 * @param closesAt the end of the new deadline day (24:00 UTC)
 */
public record ConsultationExtended(long roundId, long documentId, long commissionId, Instant closesAt) {
}
