package org.issa.tcw.documents.consultation;

import java.time.Instant;

/** Published once per round, in the transaction of the one node that closed it. */
public record ConsultationClosed(long roundId, long documentId, long commissionId, Instant at) {
}
