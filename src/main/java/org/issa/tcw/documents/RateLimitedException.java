package org.issa.tcw.documents;

import org.issa.tcw.base.UserFacingException;

/** Too many updates too fast: the editor keeps them and sends them again after {@link #retryAfterMillis()}. */
public class RateLimitedException extends UserFacingException {

    private final long retryAfterMillis;

    public RateLimitedException(long retryAfterMillis) {
        super("document.limit.rate");
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
