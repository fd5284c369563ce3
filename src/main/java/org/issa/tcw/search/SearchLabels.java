package org.issa.tcw.search;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.programme.TrienniumService;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Commission codes and triennium labels for hits and facets, read through their services (as the
 * signed-in reader) at most once a minute: both lists are short and a code never changes.
 */
@Component
class SearchLabels {

    private static final long TTL = TimeUnit.MINUTES.toNanos(1);

    private final CommissionService commissions;
    private final TrienniumService trienniums;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), System.nanoTime() - 2 * TTL);

    SearchLabels(CommissionService commissions, TrienniumService trienniums) {
        this.commissions = commissions;
        this.trienniums = trienniums;
    }

    private record Snapshot(Map<Long, String> codes, Map<Long, String> trienniums, long readAt) {
    }

    Map<Long, String> commissionCodes() {
        return current().codes();
    }

    Map<Long, String> trienniums() {
        return current().trienniums();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (System.nanoTime() - s.readAt() < TTL) {
            return s;
        }
        s = new Snapshot(
                commissions.page("", true, Pageable.unpaged()).stream()
                        .collect(Collectors.toUnmodifiableMap(c -> c.id(), c -> c.code(), (a, b) -> a)),
                trienniums.all().stream().collect(Collectors.toUnmodifiableMap(t -> t.id(),
                        t -> t.startYear() + "–" + t.endYear(), (a, b) -> a)),
                System.nanoTime());
        snapshot = s;
        return s;
    }
}
