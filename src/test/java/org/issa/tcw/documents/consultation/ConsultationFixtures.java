package org.issa.tcw.documents.consultation;

import org.springframework.context.ApplicationContext;

/** For other packages' tests: closes the due rounds now, as the closing job does (off in tests). */
public final class ConsultationFixtures {

    private ConsultationFixtures() {
    }

    /** Closes every open round whose deadline has passed; returns how many this call closed. */
    public static int closeDue(ApplicationContext context) {
        return context.getBean(RoundCloser.class).closeDue();
    }
}
