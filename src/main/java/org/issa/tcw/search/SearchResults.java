package org.issa.tcw.search;

import java.util.List;

/**
 * A page of hits with the total and the filters' values and counts, all counted over what the
 * reader may see only. {@code indexBuilding}: the index is being built, results may be incomplete.
 */
public record SearchResults(long total, List<SearchHit> hits, List<FacetValue> kinds, List<FacetValue> commissions,
        List<FacetValue> trienniums, List<FacetValue> languages, List<FacetValue> stages, List<FacetValue> dates, boolean indexBuilding) {

    public SearchResults {
        hits = List.copyOf(hits);
        kinds = List.copyOf(kinds);
        commissions = List.copyOf(commissions);
        trienniums = List.copyOf(trienniums);
        languages = List.copyOf(languages);
        stages = List.copyOf(stages);
        dates = List.copyOf(dates);
    }

    static SearchResults empty() {
        return new SearchResults(0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false);
    }
}
