package org.issa.tcw.base.ui;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The filter field above a grid: search icon, clear button, and a refresh shortly after typing stops. */
public class SearchField extends TextField {

    public SearchField() {
        setId("filter");
        setPrefixComponent(new AppIcon(AppIcon.Glyph.SEARCH));
        setClearButtonVisible(true);
        setValueChangeMode(ValueChangeMode.LAZY);
    }

    /** Sets the hint shown while empty and what to do when the text changes (usually: refresh the grid). */
    public void configure(String placeholder, Runnable onChange) {
        setPlaceholder(placeholder);
        addValueChangeListener(e -> onChange.run());
    }
}
