package org.issa.tcw.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.ui.AppIcon;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.search.ItemKind;
import org.issa.tcw.search.SearchHit;
import org.issa.tcw.search.SearchService;

/**
 * The search field of the top bar: results grouped by kind while one types (a query a moment
 * after the last key), Enter opens {@code /search?q=…}; {@code /} (outside text fields) or
 * Ctrl+K focuses it.
 */
@com.vaadin.flow.component.dependency.CssImport("./styles/search.css")
class QuickSearch extends Div {

    /** Focuses the field on "/" when no text field has the focus, and on Ctrl+K / Cmd+K anywhere. */
    private static final String SHORTCUTS = """
            if (!window.__tcwSearchKeys) {
              window.__tcwSearchKeys = true;
              document.addEventListener('keydown', e => {
                const t = e.composedPath()[0];
                const editing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
                const ctrlK = (e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K');
                const slash = e.key === '/' && !editing && !e.ctrlKey && !e.metaKey && !e.altKey;
                const field = document.getElementById('global-search');
                if (field && (ctrlK || slash)) {
                  e.preventDefault();
                  field.focus();
                }
              });
            }
            """;

    private final SearchService search;
    private final TextField field = new TextField();
    private final Div results = new Div();

    QuickSearch(SearchService search) {
        this.search = search;
        addClassName("tcw-quick-search");
        field.setId("global-search");
        field.setPlaceholder(getTranslation("search.placeholder"));
        field.getElement().setAttribute("aria-label", getTranslation("search.title"));
        field.setPrefixComponent(new AppIcon(AppIcon.Glyph.SEARCH));
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(150);
        field.setMaxLength(org.issa.tcw.search.SearchQuery.MAX_LENGTH);
        field.addValueChangeListener(e -> show(e.getValue()));
        field.addKeyDownListener(Key.ENTER, e -> openAll());
        field.addKeyDownListener(Key.ESCAPE, e -> results.setVisible(false));
        results.setId("global-search-results");
        results.addClassName("tcw-quick-search-results");
        results.setVisible(false);
        add(field, results);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().executeJs(SHORTCUTS);
    }

    private void openAll() {
        String q = field.getValue().strip();
        if (q.isEmpty()) {
            return;
        }
        results.setVisible(false);
        getUI().ifPresent(ui -> ui.navigate("search", QueryParameters.simple(Map.of("q", q))));
    }

    private void show(String text) {
        results.removeAll();
        Map<ItemKind, List<SearchHit>> grouped;
        try {
            grouped = search.quick(text);
        } catch (UserFacingException e) {
            results.add(new Span(Feedback.message(this, e)));
            results.setVisible(true);
            return;
        }
        if (text.isBlank()) {
            results.setVisible(false);
            return;
        }
        if (grouped.isEmpty()) {
            Span none = new Span(getTranslation("search.none", text.strip()));
            none.addClassName("tcw-quick-search-none");
            results.add(none);
        }
        grouped.forEach((kind, hits) -> {
            Div group = new Div();
            group.addClassName("tcw-quick-search-group");
            Span heading = new Span(getTranslation("search.kind." + kind.name()));
            heading.addClassName("tcw-quick-search-kind");
            group.add(heading);
            for (SearchHit hit : hits) {
                Div row = new Div(SearchLinks.title(hit));
                row.addClassName("tcw-quick-search-hit");
                if (hit.commissionCode() != null) {
                    Span code = new Span(hit.commissionCode());
                    code.addClassName("tcw-search-commission");
                    row.add(code);
                }
                group.add(row);
            }
            results.add(group);
        });
        Anchor all = new Anchor("search?" + QueryParameters.simple(Map.of("q", text.strip())).getQueryString(),
                getTranslation("search.all-results", text.strip()));
        all.setId("global-search-all");
        results.add(all);
        results.setVisible(true);
    }
}
