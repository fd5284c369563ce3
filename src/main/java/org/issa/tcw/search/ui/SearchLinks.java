package org.issa.tcw.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.issa.tcw.search.Highlighted;
import org.issa.tcw.search.SearchHit;
import com.vaadin.flow.i18n.I18NProvider;
import org.jspecify.annotations.Nullable;

/** Where a hit opens, and its marked text as components (text only: nothing is ever read as HTML). */
final class SearchLinks {

    private SearchLinks() {
    }

    /** The page of the hit: a post opens its thread scrolled to it; people and institutions have no page. */
    static @Nullable String href(SearchHit hit) {
        return switch (hit.kind()) {
            case DOCUMENT -> "documents/" + hit.id() + passage(hit.snippet());
            case THREAD -> "discussions/" + hit.id();
            case POST -> hit.parentId() == null || hit.position() == null ? null
                    : "discussions/" + hit.parentId() + "?post=" + hit.position();
            case PROJECT -> "projects/" + hit.id();
            case MILESTONE -> hit.parentId() == null ? null : "projects/" + hit.parentId();
            case COMMISSION -> hit.code() == null ? null : "commissions/" + hit.code();
            case PERSON, INSTITUTION -> null;
        };
    }

    /**
     * {@code ?find=…} with the words the snippet marks (the document opens scrolled to them, marked),
     * or nothing when only the title matched.
     */
    static String passage(Highlighted snippet) {
        List<String> words = snippet.parts().stream().filter(Highlighted.Part::match).map(p -> p.text().strip())
                .filter(w -> !w.isEmpty() && w.length() <= 100).distinct().limit(5).toList();
        return words.isEmpty() ? "" : "?" + new QueryParameters(Map.of("find", words)).getQueryString();
    }

    /** The text with its matched words in {@code <mark>} elements, all as text nodes. */
    static Component[] marked(Highlighted text) {
        return text.parts().stream().map(part -> {
            return part.match() ? (Component) new Mark(part.text()) : new Span(part.text());
        }).toArray(Component[]::new);
    }

    /** The hit's title as a link to its page (or as text when it has none). */
    static Component title(SearchHit hit) {
        Component[] parts = marked(hit.title());
        if (hit.title().parts().stream().allMatch(p -> p.text().isBlank())) {
            // a post has no title of its own: the link still needs a name (axe link-name)
            String kind = I18NProvider.translate("search.kind." + hit.kind().name());
            parts = new Component[] {new Span(hit.position() == null ? kind : kind + " " + hit.position())};
        }
        String href = href(hit);
        if (href == null) {
            Span span = new Span(parts);
            span.addClassName("tcw-search-title");
            return span;
        }
        Anchor a = new Anchor(href);
        a.add(parts);
        a.addClassName("tcw-search-title");
        return a;
    }
}
