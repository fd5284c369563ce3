package org.issa.tcw.base.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analyzers of {@link SearchAnalysis} for the Elasticsearch/OpenSearch backend of the
 * {@code search-cluster} build (ADR 071): the same names (folded, en, fr, es, de; normalizer
 * keyword) made from the same chains ({@link SearchAnalysis#ANALYZERS}), each filter under its
 * Elasticsearch name. A filter with parameters (the Snowball stemmer's language) becomes a named
 * filter {@code <analyzer>_<filter>}; the others are the engines' built-in filters (elision without
 * articles is the French list in both engines). Compiled only with {@code -Psearch-cluster}
 * (src/cluster/java); named in application-search-cluster.properties.
 */
public class SearchAnalysisElasticsearch implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        for (SearchAnalysis.Chain chain : SearchAnalysis.ANALYZERS) {
            context.analyzer(chain.name()).custom().tokenizer(SearchAnalysis.TOKENIZER)
                    .tokenFilters(filterNames(context, chain));
        }
        context.normalizer(SearchAnalysis.KEYWORD_NORMALIZER.name()).custom()
                .tokenFilters(filterNames(context, SearchAnalysis.KEYWORD_NORMALIZER));
    }

    private static String[] filterNames(ElasticsearchAnalysisConfigurationContext context, SearchAnalysis.Chain chain) {
        return chain.filters().stream().map(filter -> {
            if (filter.params().isEmpty()) {
                return filter.elasticsearch();
            }
            String name = chain.name() + "_" + filter.elasticsearch();
            var definition = context.tokenFilter(name).type(filter.elasticsearch());
            filter.params().forEach(definition::param);
            return name;
        }).toArray(String[]::new);
    }
}
