package org.issa.tcw.documents.consultation;

import java.time.Instant;

/** An open consultation round still awaiting my institution's input (the home page). */
public record AwaitingRound(long roundId, long documentId, String documentTitle, String commissionCode,
        Instant deadline) {
}
