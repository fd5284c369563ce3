package org.issa.tcw.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.search.DateRange;
import org.issa.tcw.search.FacetValue;
import org.issa.tcw.search.IndexStatus;
import org.issa.tcw.search.ItemKind;
import org.issa.tcw.search.SearchHit;
import org.issa.tcw.search.SearchQuery;
import org.issa.tcw.search.SearchResults;
import org.issa.tcw.search.SearchService;
import org.issa.tcw.security.CurrentUser;

/**
 * {@code /search?q=…}: all results with their snippets, and the filters (kind, commission,
 * triennium, language, document stage, date) with their counts. Every filter and the sort are in the URL, so a
 * result list can be linked to and the back button returns to the previous one.
 */
@Route("search")
@com.vaadin.flow.component.dependency.CssImport("./styles/search.css")
@PermitAll
class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE = 20;

    private final SearchService search;
    private final CurrentUser currentUser;
    private final TextField field = new TextField();
    private final Div facets = new Div();
    private final Div hits = new Div();
    private final Paragraph summary = new Paragraph();
    /** For everyone while the index is built: results may be incomplete. */
    private final Paragraph building = new Paragraph();
    /** For administrators: the index's build progress or failure. */
    private final Paragraph indexState = new Paragraph();
    private Map<String, List<String>> params = Map.of();

    SearchView(SearchService search, CurrentUser currentUser) {
        this.search = search;
        this.currentUser = currentUser;
        addClassName("tcw-page");
        H2 heading = new H2(getTranslation("search.title"));
        heading.setId("search-title");
        field.setId("search-query");
        field.setWidthFull();
        field.setMaxLength(SearchQuery.MAX_LENGTH);
        field.setPlaceholder(getTranslation("search.label"));
        field.addKeyDownListener(Key.ENTER, e -> go(with("q", List.of(field.getValue().strip()), true)));
        Button go = new Button(getTranslation("search.title"), e -> go(with("q", List.of(field.getValue().strip()), true)));
        go.setId("search-go");
        HorizontalLayout bar = new HorizontalLayout(field, go);
        bar.setWidthFull();
        summary.setId("search-summary");
        facets.setId("search-facets");
        facets.addClassName("tcw-search-facets");
        hits.setId("search-hits");
        hits.addClassName("tcw-search-hits");
        HorizontalLayout body = new HorizontalLayout(facets, hits);
        body.setWidthFull();
        body.setFlexGrow(1, hits);
        building.setId("search-building");
        building.addClassName("tcw-search-building");
        building.setVisible(false);
        add(heading, bar, building, summary, body);
        if (currentUser.get().map(u -> u.isAdmin()).orElse(false)) {
            indexState.setId("search-index-state");
            add(indexState);
            Button reindex = new Button(getTranslation("search.reindex"), e -> {
                if (Feedback.run(this, search::reindex)) {
                    Feedback.success(getTranslation("search.reindex.started"));
                }
            });
            reindex.setId("search-reindex");
            add(reindex);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        params = new LinkedHashMap<>(event.getLocation().getQueryParameters().getParameters());
        String q = first("q");
        field.setValue(q);
        facets.removeAll();
        hits.removeAll();
        summary.setText("");
        building.setVisible(false);
        showIndexState();
        if (q.isBlank()) {
            summary.setText(getTranslation("search.hint"));
            return;
        }
        int page = Math.max(0, parse(first("page"), 0));
        SearchQuery query = new SearchQuery(q, values("kind", ItemKind::valueOf), values("commission", Long::valueOf),
                values("triennium", Long::valueOf), values("language", s -> s), values("stage", DocumentStage::valueOf),
                first("date").isEmpty() ? null
                        : parseDate(first("date")), "date".equals(first("sort")), page * PAGE, PAGE);
        SearchResults results;
        try {
            results = search.search(query);
        } catch (UserFacingException e) {
            summary.setText(Feedback.message(this, e));
            return;
        }
        summary.setText(results.total() == 0 ? getTranslation("search.none", q)
                : getTranslation("search.total", results.total()));
        building.setText(getTranslation("search.rebuilding"));
        building.setVisible(results.indexBuilding());
        showFacets(results);
        for (SearchHit hit : results.hits()) {
            hits.add(hit(hit));
        }
        if ((long) (page + 1) * PAGE < results.total()) {
            Anchor more = new Anchor(url(with("page", List.of(String.valueOf(page + 1)), false)),
                    getTranslation("search.more"));
            more.setId("search-more");
            hits.add(more);
        }
    }

    /** Administrators see the build's progress (or its failure) while the index is not ready. */
    private void showIndexState() {
        if (!currentUser.get().map(u -> u.isAdmin()).orElse(false)) {
            return;
        }
        IndexStatus status = search.status();
        indexState.setVisible(status.state() != IndexStatus.State.READY);
        indexState.setText(switch (status.state()) {
            case READY -> "";
            case BUILDING -> getTranslation("search.index.building", status.indexed(), status.total());
            case FAILED -> getTranslation("search.index.failed", String.valueOf(status.failure()));
        });
    }

    private Div hit(SearchHit hit) {
        Div row = new Div();
        row.addClassName("tcw-search-hit");
        Span kind = new Span(getTranslation("search.kind." + hit.kind().name()));
        kind.addClassName("tcw-search-kind");
        Div head = new Div(kind, SearchLinks.title(hit));
        if (hit.commissionCode() != null) {
            Span code = new Span(hit.commissionCode());
            code.addClassName("tcw-search-commission");
            head.add(code);
        }
        if (hit.date() != null) {
            Span date = new Span(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                    .format(hit.date().atZone(UserZone.of(this))));
            date.addClassName("tcw-search-date");
            head.add(date);
        }
        row.add(head);
        if (!hit.snippet().isEmpty()) {
            Div snippet = new Div(SearchLinks.marked(hit.snippet()));
            snippet.addClassName("tcw-search-snippet");
            row.add(snippet);
        }
        return row;
    }

    private void showFacets(SearchResults results) {
        Anchor relevance = sortLink("relevance", !"date".equals(first("sort")));
        Anchor newest = sortLink("date", "date".equals(first("sort")));
        facets.add(new H4(getTranslation("search.sort")), relevance, newest);
        facet("kind", results.kinds(), v -> getTranslation("search.kind." + v.key()));
        facet("commission", results.commissions(), FacetValue::label);
        facet("triennium", results.trienniums(), FacetValue::label);
        facet("language", results.languages(), v -> getTranslation("search.language." + v.key()));
        facet("stage", results.stages(), v -> getTranslation("search.stage." + v.key()));
        facet("date", results.dates().stream().filter(v -> v.count() > 0).toList(),
                v -> getTranslation("search.date." + v.key()));
        boolean filtered = Set.of("kind", "commission", "triennium", "language", "stage", "date").stream()
                .anyMatch(params::containsKey);
        if (filtered) {
            Map<String, List<String>> cleared = new LinkedHashMap<>();
            cleared.put("q", List.of(first("q")));
            Anchor clear = new Anchor(url(cleared), getTranslation("search.filter.clear"));
            clear.setId("search-clear-filters");
            facets.add(clear);
        }
    }

    private Anchor sortLink(String sort, boolean selected) {
        Anchor a = new Anchor(url(with("sort", sort.equals("relevance") ? List.of() : List.of(sort), true)),
                getTranslation("search.sort." + sort));
        a.setId("search-sort-" + sort);
        a.addClassName("tcw-search-facet");
        if (selected) {
            a.addClassName("selected");
        }
        return a;
    }

    private void facet(String name, List<FacetValue> values, Function<FacetValue, String> label) {
        if (values.isEmpty()) {
            return;
        }
        Div group = new Div(new H4(getTranslation("search.filter." + name)));
        group.setId("search-facet-" + name);
        List<String> chosen = params.getOrDefault(name, List.of());
        for (FacetValue value : values) {
            boolean selected = chosen.contains(value.key());
            List<String> next = new ArrayList<>(chosen);
            if (selected) {
                next.remove(value.key());
            } else if (name.equals("date")) {
                next = List.of(value.key());
            } else {
                next.add(value.key());
            }
            Anchor a = new Anchor(url(with(name, next, true)), label.apply(value) + " (" + value.count() + ")");
            a.setId("search-facet-" + name + "-" + value.key());
            a.addClassName("tcw-search-facet");
            if (selected) {
                a.addClassName("selected");
            }
            group.add(a);
        }
        facets.add(group);
    }

    private Map<String, List<String>> with(String name, List<String> values, boolean firstPage) {
        Map<String, List<String>> next = new LinkedHashMap<>(params);
        if (values.isEmpty() || values.stream().allMatch(String::isEmpty)) {
            next.remove(name);
        } else {
            next.put(name, values);
        }
        if (firstPage) {
            next.remove("page");
        }
        return next;
    }

    private void go(Map<String, List<String>> next) {
        getUI().ifPresent(ui -> ui.navigate("search", new QueryParameters(next)));
    }

    private static String url(Map<String, List<String>> next) {
        String query = new QueryParameters(next).getQueryString();
        return query.isEmpty() ? "search" : "search?" + query;
    }

    private String first(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? "" : v.getFirst();
    }

    private <T> Set<T> values(String name, Function<String, T> parse) {
        return params.getOrDefault(name, List.of()).stream().flatMap(s -> {
            try {
                return java.util.stream.Stream.of(parse.apply(s));
            } catch (IllegalArgumentException e) {
                return java.util.stream.Stream.empty();
            }
        }).collect(Collectors.toSet());
    }

    private static int parse(String s, int otherwise) {
        try {
            return s.isEmpty() ? otherwise : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static @org.jspecify.annotations.Nullable DateRange parseDate(String s) {
        try {
            return DateRange.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
