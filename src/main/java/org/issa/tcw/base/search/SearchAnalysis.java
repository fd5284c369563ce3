package org.issa.tcw.base.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of every index: lower case and accent folding ("securite" finds "sécurité"), and
 * for each working language the Snowball stemmer on top ("prestations" finds "prestation"). The
 * same chain runs on the query, so folding before stemming is consistent on both sides. Named in
 * {@code hibernate.search.backend.analysis.configurer}.
 *
 * <p>The chains are data ({@link #ANALYZERS}): this Lucene configurer and the Elasticsearch one of
 * the {@code search-cluster} build (ADR 071) are both made from them, and {@link #definition()} is
 * part of the index's mapping fingerprint, so a changed chain rebuilds the index at the next start.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

    /** One token filter: its name in Lucene (factory SPI name) and in Elasticsearch/OpenSearch, with its parameters. */
    public record Filter(String lucene, String elasticsearch, Map<String, String> params) {

        public Filter {
            params = Map.copyOf(params);
        }

        static Filter of(String lucene, String elasticsearch) {
            return new Filter(lucene, elasticsearch, Map.of());
        }
    }

    /** An analyzer: the standard tokenizer, then these filters in order. */
    public record Chain(String name, List<Filter> filters) {

        public Chain {
            filters = List.copyOf(filters);
        }
    }

    private static final Filter LOWERCASE = Filter.of("lowercase", "lowercase");
    private static final Filter FOLDING = Filter.of("asciiFolding", "asciifolding");
    /** French elision (l', d', qu', ...): both engines default to the French articles. */
    private static final Filter ELISION = Filter.of("elision", "elision");

    /** The tokenizer of every chain (same name in both engines). */
    public static final String TOKENIZER = "standard";

    /** The analyzers: {@link SearchFields#FOLDED}, then one per working language. */
    public static final List<Chain> ANALYZERS = analyzers();

    /** The normalizer of keyword fields (lower case). */
    public static final Chain KEYWORD_NORMALIZER = new Chain("keyword", List.of(LOWERCASE));

    private static List<Chain> analyzers() {
        List<Chain> chains = new ArrayList<>();
        chains.add(new Chain(SearchFields.FOLDED, List.of(LOWERCASE, FOLDING)));
        Map<String, String> snowball = Map.of("en", "English", "fr", "French", "es", "Spanish", "de", "German2");
        for (String language : SearchFields.LANGUAGES) {
            List<Filter> filters = new ArrayList<>();
            if (language.equals("fr")) {
                filters.add(ELISION);
            }
            filters.add(LOWERCASE);
            filters.add(FOLDING);
            filters.add(new Filter("snowballPorter", "snowball", Map.of("language", snowball.get(language))));
            chains.add(new Chain(language, filters));
        }
        return List.copyOf(chains);
    }

    /** The chains as text, in a stable order: part of the mapping fingerprint. */
    public static String definition() {
        StringBuilder b = new StringBuilder();
        for (Chain chain : ANALYZERS) {
            b.append("analyzer ").append(chain.name()).append(": ").append(TOKENIZER);
            chain.filters().forEach(f -> b.append(" | ").append(f.lucene()).append(new java.util.TreeMap<>(f.params())));
            b.append('\n');
        }
        b.append("normalizer ").append(KEYWORD_NORMALIZER.name()).append(": ");
        KEYWORD_NORMALIZER.filters().forEach(f -> b.append(" | ").append(f.lucene()));
        return b.toString();
    }

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        for (Chain chain : ANALYZERS) {
            var analyzer = context.analyzer(chain.name()).custom().tokenizer(TOKENIZER);
            for (Filter filter : chain.filters()) {
                var step = analyzer.tokenFilter(filter.lucene());
                filter.params().forEach(step::param);
            }
        }
        var normalizer = context.normalizer(KEYWORD_NORMALIZER.name()).custom();
        KEYWORD_NORMALIZER.filters().forEach(f -> normalizer.tokenFilter(f.lucene()));
    }
}
