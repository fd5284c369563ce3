package org.issa.tcw.search.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;

/** A {@code <mark>} around a matched word; its content is set as text. */
@Tag("mark")
class Mark extends HtmlContainer {

    Mark(String text) {
        setText(text);
        addClassName("tcw-search-match");
    }
}
