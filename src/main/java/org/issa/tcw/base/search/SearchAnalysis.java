package org.issa.tcw.base.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of every index: lower case and accent folding ("securite" finds "sécurité"), and
 * for each working language the Snowball stemmer on top ("prestations" finds "prestation"). The
 * same chain runs on the query, so folding before stemming is consistent on both sides. Named in
 * {@code hibernate.search.backend.analysis.configurer}.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

    private static final String[][] STEMMERS = {{"en", "English"}, {"fr", "French"}, {"es", "Spanish"},
        {"de", "German2"}};

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(SearchFields.FOLDED).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
        for (String[] stemmer : STEMMERS) {
            var analyzer = context.analyzer(stemmer[0]).custom()
                    .tokenizer("standard");
            if (stemmer[0].equals("fr")) {
                analyzer.tokenFilter("elision");
            }
            analyzer.tokenFilter("lowercase")
                    .tokenFilter("asciiFolding")
                    .tokenFilter("snowballPorter").param("language", stemmer[1]);
        }
        context.normalizer("keyword").custom().tokenFilter("lowercase");
    }
}
