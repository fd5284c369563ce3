package org.issa.tcw.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}'s "search": UP when the index is ready, OUT_OF_SERVICE while it is built, DOWN if that failed. */
@Component("search")
class SearchHealthIndicator implements HealthIndicator {

    private final SearchIndexing indexing;

    SearchHealthIndicator(SearchIndexing indexing) {
        this.indexing = indexing;
    }

    @Override
    public Health health() {
        IndexStatus status = indexing.status();
        Health.Builder health = switch (status.state()) {
            case READY -> Health.up();
            case BUILDING -> Health.outOfService();
            case FAILED -> Health.down();
        };
        return health.withDetail("indexed", status.indexed()).build();
    }
}
