package org.issa.tcw.search;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.data.Range;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.search.SearchFields;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches everything the signed-in person may see. The permission filter is part of the query:
 * each item is indexed with its commission and scope, and the reader's keys (the commissions in
 * which they may READ, read from the memberships at every call) are a filter clause, so hits,
 * totals, snippets and facet counts never include anything else, and a membership that ended a
 * moment ago no longer counts. Hidden or deleted posts and inactive people are indexed as not
 * visible and filtered out the same way.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private static final AggregationKey<Map<String, Long>> KINDS = AggregationKey.of("kinds");
    private static final AggregationKey<Map<Long, Long>> COMMISSIONS = AggregationKey.of("commissions");
    private static final AggregationKey<Map<Long, Long>> TRIENNIUMS = AggregationKey.of("trienniums");
    private static final AggregationKey<Map<String, Long>> LANGUAGES = AggregationKey.of("languages");
    private static final AggregationKey<Map<String, Long>> STAGES = AggregationKey.of("stages");
    private static final AggregationKey<Map<Range<Instant>, Long>> DATES = AggregationKey.of("dates");
    private static final int SNIPPET = 180;
    private static final int QUICK_PER_KIND = 4;

    private final EntityManager entityManager;

    private final CommissionAccess access;
    private final SearchLabels labels;
    private final SearchIndexing indexing;
    private final Clock clock;

    SearchService(EntityManager entityManager, CommissionAccess access, SearchLabels labels, SearchIndexing indexing,
            Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.labels = labels;
        this.indexing = indexing;
        this.clock = clock;
    }

    /**
     * A page of what the signed-in person may see matching the query, with facet counts. An empty
     * text finds nothing; a text over {@link SearchQuery#MAX_LENGTH} characters is refused.
     */
    @PreAuthorize("isAuthenticated()")
    public SearchResults search(SearchQuery query) {
        String text = checked(query.text());
        if (text.isEmpty()) {
            return SearchResults.empty();
        }
        Set<Long> readable = access.commissionsWhere(CommissionAction.READ);
        Instant now = clock.instant();
        Range<Instant> month = Range.atLeast(now.minus(Duration.ofDays(30)));
        Range<Instant> year = Range.atLeast(now.minus(Duration.ofDays(365)));
        Range<Instant> older = Range.lessThan(now.minus(Duration.ofDays(365)));
        try {
            SearchSession session = Search.session(entityManager);
            SearchResult<Object[]> result = session.search(scope(session))
                    .select(f -> f.composite().from(f.field(SearchFields.KIND, String.class), f.id(Long.class),
                            f.field(SearchFields.TITLE, String.class), f.highlight(SearchFields.TITLE).highlighter("title"),
                            f.highlight(SearchFields.BODY), f.field(SearchFields.COMMISSION, Long.class),
                            f.field(SearchFields.PARENT, Long.class), f.field(SearchFields.CODE, String.class),
                            f.field(SearchFields.DATE, Instant.class), f.field(SearchFields.POSITION, Long.class))
                            .asArray())
                    .where(f -> f.bool().with(b -> {
                        b.must(matching(f, text));
                        b.filter(permitted(f, readable));
                        if (!query.kinds().isEmpty()) {
                            b.filter(f.terms().field(SearchFields.KIND)
                                    .matchingAny(query.kinds().stream().map(Enum::name).toList()));
                        }
                        if (!query.commissions().isEmpty()) {
                            b.filter(f.terms().field(SearchFields.COMMISSION).matchingAny(query.commissions()));
                        }
                        if (!query.trienniums().isEmpty()) {
                            b.filter(f.terms().field(SearchFields.TRIENNIUM).matchingAny(query.trienniums()));
                        }
                        if (!query.languages().isEmpty()) {
                            b.filter(f.terms().field(SearchFields.LANGUAGE).matchingAny(query.languages(), ValueModel.INDEX));
                        }
                        if (!query.stages().isEmpty()) {
                            b.filter(f.terms().field(SearchFields.STAGE)
                                    .matchingAny(query.stages().stream().map(Enum::name).toList()));
                        }
                        if (query.date() != null) {
                            b.filter(f.range().field(SearchFields.DATE).within(switch (query.date()) {
                                case MONTH -> month;
                                case YEAR -> year;
                                case OLDER -> older;
                            }));
                        }
                    }))
                    .sort(f -> query.newestFirst()
                            ? f.field(SearchFields.DATE).desc().missing().last().then().score()
                            : f.score())
                    // the unified highlighter returns a whole sentence (or, with no match, the whole text):
                    // Highlighted.around cuts the snippet to SNIPPET characters around the first match
                    .highlighter(h -> h.unified().tag(String.valueOf(Highlighted.START), String.valueOf(Highlighted.END))
                            .numberOfFragments(1).noMatchSize(Integer.MAX_VALUE))
                    .highlighter("title", h -> h.unified().numberOfFragments(1).noMatchSize(Integer.MAX_VALUE))
                    .aggregation(KINDS, f -> f.terms().field(SearchFields.KIND, String.class).maxTermCount(20))
                    .aggregation(COMMISSIONS, f -> f.terms().field(SearchFields.COMMISSION, Long.class).maxTermCount(50))
                    .aggregation(TRIENNIUMS, f -> f.terms().field(SearchFields.TRIENNIUM, Long.class).maxTermCount(20))
                    .aggregation(LANGUAGES, f -> f.terms().field(SearchFields.LANGUAGE, String.class, ValueModel.INDEX)
                            .maxTermCount(10))
                    .aggregation(STAGES, f -> f.terms().field(SearchFields.STAGE, String.class).maxTermCount(10))
                    .aggregation(DATES, f -> f.range().field(SearchFields.DATE, Instant.class)
                            .range(month).range(year).range(older))
                    .fetch(Math.max(0, query.offset()), Math.clamp(query.limit(), 1, SearchQuery.MAX_LIMIT));
            Map<Long, String> codes = labels.commissionCodes();
            List<SearchHit> hits = result.hits().stream().map(row -> hit(row, codes)).toList();
            Map<Range<Instant>, Long> dates = result.aggregation(DATES);
            return new SearchResults(result.total().hitCount(), hits,
                    strings(result.aggregation(KINDS)),
                    longs(result.aggregation(COMMISSIONS), id -> codes.getOrDefault(id, String.valueOf(id))),
                    longs(result.aggregation(TRIENNIUMS), labels.trienniums()::get),
                    strings(result.aggregation(LANGUAGES)),
                    stages(result.aggregation(STAGES)),
                    List.of(new FacetValue(DateRange.MONTH.name(), DateRange.MONTH.name(), dates.getOrDefault(month, 0L)),
                            new FacetValue(DateRange.YEAR.name(), DateRange.YEAR.name(), dates.getOrDefault(year, 0L)),
                            new FacetValue(DateRange.OLDER.name(), DateRange.OLDER.name(), dates.getOrDefault(older, 0L))),
                    indexing.status().state() == IndexStatus.State.BUILDING);
        } catch (SearchException e) {
            log.info("Search refused a query ({} characters): {}", text.length(), e.getMessage());
            throw new UserFacingException("search.invalid");
        }
    }

    /** The best hits for the top bar's as-you-type list, at most four of each kind, kinds in order of their best hit. */
    @PreAuthorize("isAuthenticated()")
    public Map<ItemKind, List<SearchHit>> quick(String text) {
        if (checked(text).isEmpty()) {
            return Map.of();
        }
        SearchResults results = search(new SearchQuery(text, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, false, 0, 30));
        Map<ItemKind, List<SearchHit>> grouped = new LinkedHashMap<>();
        for (SearchHit hit : results.hits()) {
            List<SearchHit> group = grouped.computeIfAbsent(hit.kind(), k -> new ArrayList<>());
            if (group.size() < QUICK_PER_KIND) {
                group.add(hit);
            }
        }
        return grouped;
    }

    /** Rebuilds the whole index in the background (progress in the log and in {@link #status()}). */
    @PreAuthorize("hasRole('ADMIN')")
    public void reindex() {
        indexing.rebuild();
    }

    /** The index's state: ready, being built (with progress) or failed. */
    @PreAuthorize("hasRole('ADMIN')")
    public IndexStatus status() {
        return indexing.status();
    }

    private static String checked(String text) {
        String t = text.strip();
        if (t.length() > SearchQuery.MAX_LENGTH) {
            throw new UserFacingException("search.too-long", SearchQuery.MAX_LENGTH);
        }
        return t;
    }

    private SearchScope<Object> scope(SearchSession session) {
        return session.scope(Object.class, Arrays.stream(ItemKind.values()).map(ItemKind::entityName).toList());
    }

    /** The typed words in every text field: accent-folded, and stemmed in each working language. */
    private static SearchPredicate matching(SearchPredicateFactory f, String text) {
        var fields = f.simpleQueryString().field(SearchFields.TITLE).boost(3f).field(SearchFields.BODY);
        for (String language : SearchFields.LANGUAGES) {
            fields = fields.field(SearchFields.inLanguage(SearchFields.TITLE, language)).boost(2f)
                    .field(SearchFields.inLanguage(SearchFields.BODY, language)).boost(0.5f);
        }
        return fields.matching(text).defaultOperator(BooleanOperator.AND).toPredicate();
    }

    /** Public items, or items of a commission the reader may read; never what is marked not visible. */
    private static SearchPredicate permitted(SearchPredicateFactory f, Set<Long> readable) {
        var keys = f.bool().should(f.match().field(SearchFields.SCOPE).matching(SearchFields.SCOPE_PUBLIC));
        if (!readable.isEmpty()) {
            keys = keys.should(f.and(f.match().field(SearchFields.SCOPE).matching(SearchFields.SCOPE_COMMISSION),
                    f.terms().field(SearchFields.COMMISSION).matchingAny(readable)));
        }
        return f.and(keys, f.not(f.match().field(SearchFields.VISIBLE).matching(false))).toPredicate();
    }

    @SuppressWarnings("unchecked")
    private static SearchHit hit(Object[] row, Map<Long, String> codes) {
        ItemKind kind = ItemKind.valueOf((String) row[0]);
        String title = row[2] == null ? "" : (String) row[2];
        List<String> titles = (List<String>) row[3];
        List<String> snippets = (List<String>) row[4];
        Long commission = (Long) row[5];
        return new SearchHit(kind, (Long) row[1],
                titles.isEmpty() ? Highlighted.plain(title) : Highlighted.parse(titles.getFirst()),
                snippets.isEmpty() ? Highlighted.plain("") : Highlighted.parse(snippets.getFirst()).around(SNIPPET),
                commission, commission == null ? null : codes.get(commission), (Long) row[6], (Long) row[9],
                (String) row[7], (Instant) row[8]);
    }


    private static List<FacetValue> strings(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new FacetValue(e.getKey(), e.getKey(), e.getValue())).toList();
    }

    /** The stages in workflow order (draft first), not by count. */
    private static List<FacetValue> stages(Map<String, Long> counts) {
        return Arrays.stream(DocumentStage.values()).filter(s -> counts.getOrDefault(s.name(), 0L) > 0)
                .map(s -> new FacetValue(s.name(), s.name(), counts.getOrDefault(s.name(), 0L))).toList();
    }

    private static List<FacetValue> longs(Map<Long, Long> counts, java.util.function.Function<Long, @Nullable String> label) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> {
                    String l = label.apply(e.getKey());
                    return new FacetValue(String.valueOf(e.getKey()), l == null ? String.valueOf(e.getKey()) : l,
                            e.getValue());
                })
                .sorted(Comparator.comparing(FacetValue::label)).toList();
    }
}
