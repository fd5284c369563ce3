package org.issa.tcw.search;

import java.util.Set;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.jspecify.annotations.Nullable;

/**
 * What to search for: the typed text (simple syntax: {@code "a phrase"}, {@code prefix*},
 * {@code -excluded}, {@code a | b}) and the filters; all filters empty = everything. A stage filter
 * keeps documents only (nothing else has a stage).
 */
public record SearchQuery(String text, Set<ItemKind> kinds, Set<Long> commissions, Set<Long> trienniums,
        Set<String> languages, Set<DocumentStage> stages, @Nullable DateRange date, boolean newestFirst, int offset, int limit) {

    /** The longest query accepted (a longer one is refused with a message, not cut). */
    public static final int MAX_LENGTH = 500;
    public static final int MAX_LIMIT = 100;

    public SearchQuery {
        kinds = Set.copyOf(kinds);
        commissions = Set.copyOf(commissions);
        trienniums = Set.copyOf(trienniums);
        languages = Set.copyOf(languages);
        stages = Set.copyOf(stages);
    }

    /** Everything matching the text, by relevance, first page. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, false, 0, 20);
    }
}
