package org.issa.tcw.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * The keyboard shortcuts, in the reader's language: opened with "?" outside text fields or from
 * the user menu (docs/adr/082-keyboard-and-accessibility.md). The keys are translated too
 * ("Strg" in German).
 */
final class ShortcutsDialog extends Dialog {

    /** Sections and their rows: {@code keys.<row>.keys} and {@code keys.<row>.what} in the base bundle. */
    static final List<List<String>> SECTIONS = List.of(
            List.of("general", "help", "search", "skip", "escape"),
            List.of("lists", "grid-open", "posts-group", "posts-within", "posts-between"),
            List.of("editor", "toolbar", "bold", "italic", "underline", "strike", "headings", "bullets",
                    "numbers", "quote", "comment", "undo", "redo"));

    ShortcutsDialog() {
        setId("shortcuts-dialog");
        setHeaderTitle(getTranslation("keys.title"));
        getElement().setAttribute("aria-label", getTranslation("keys.title"));
        var body = new Div();
        body.addClassName("tcw-shortcuts");
        // the list scrolls: keyboard users reach it to scroll (axe scrollable-region-focusable)
        body.getElement().setAttribute("tabindex", "0");
        body.getElement().setAttribute("role", "region");
        body.getElement().setAttribute("aria-label", getTranslation("keys.title"));
        for (List<String> section : SECTIONS) {
            body.add(new H3(getTranslation("keys.section." + section.getFirst())));
            var list = new Div();
            list.addClassName("tcw-shortcut-list");
            list.getElement().setAttribute("role", "list");
            for (String row : section.subList(1, section.size())) {
                var keys = new Span(getTranslation("keys." + row + ".keys"));
                keys.addClassName("tcw-shortcut-keys");
                var what = new Span(getTranslation("keys." + row + ".what"));
                var item = new Div(keys, what);
                item.addClassName("tcw-shortcut");
                item.getElement().setAttribute("role", "listitem");
                list.add(item);
            }
            body.add(list);
        }
        add(body);
        var close = new Button(getTranslation("keys.close"), e -> close());
        close.setId("shortcuts-close");
        getFooter().add(close);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                close.focus();
            }
        });
    }
}
