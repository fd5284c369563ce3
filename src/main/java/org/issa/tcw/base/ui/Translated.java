package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.menubar.MenuBar;

/** Vaadin components' own labels (otherwise English) in the reader's language. */
public final class Translated {

    private Translated() {
    }

    /** The overflow button's "More options". */
    public static MenuBar.MenuBarI18n menuBar(Component in) {
        return new MenuBar.MenuBarI18n().setMoreOptions(in.getTranslation("a11y.more-options"));
    }
}
