package org.issa.tcw.documents.suggestions;

import org.springframework.context.ApplicationContext;

/** For other packages' tests: runs the suggestion watch now (its job is off in tests). */
public final class SuggestionFixtures {

    private SuggestionFixtures() {
    }

    /** One run of the watch; returns how many suggestions it announced (in any document). */
    public static int watch(ApplicationContext context) {
        return context.getBean(SuggestionWatch.class).scan();
    }
}
