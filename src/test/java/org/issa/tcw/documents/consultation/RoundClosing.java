package org.issa.tcw.documents.consultation;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/** For tests of other features: closes the rounds due at {@code now} as the closing job would. */
public final class RoundClosing {

    private RoundClosing() {
    }

    public static int closeDue(ApplicationContext context, Instant now) {
        return context.getBean(RoundCloser.class).closeDue(now);
    }
}
