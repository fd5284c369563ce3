package org.issa.tcw.documents.suggestions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link SuggestionWatch} (every 30 s by default). {@code tcw.documents.suggestions.watch.enabled=false}
 * turns it off (the tests run the watch by hand).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "tcw.documents.suggestions.watch.enabled", havingValue = "true", matchIfMissing = true)
class SuggestionJobs {

    private final SuggestionWatch watch;

    SuggestionJobs(SuggestionWatch watch) {
        this.watch = watch;
    }

    @Scheduled(fixedDelayString = "${tcw.documents.suggestions.watch-every:30s}", initialDelayString = "25s")
    void scan() {
        watch.scan();
    }
}
