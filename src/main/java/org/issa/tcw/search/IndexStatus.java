package org.issa.tcw.search;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The search index's state: READY, BUILDING (with the items done so far of the total known so far)
 * or FAILED (with the reason).
 */
public record IndexStatus(State state, long indexed, long total, @Nullable Instant since, @Nullable String failure) {

    public enum State {
        READY, BUILDING, FAILED
    }
}
