package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;

/**
 * The keyboard behaviours of frontend/tcw-keyboard.ts (loaded by {@link MainLayout}) for a view's
 * components (docs/adr/082-keyboard-and-accessibility.md).
 */
public final class Keyboard {

    private Keyboard() {
    }

    /** Enter on a row opens it as a click does (the grid's item click listener runs). */
    public static void openRowsOnEnter(Grid<?> grid) {
        onAttach(grid, "openOnEnter");
    }

    /**
     * The {@code [role=toolbar]} groups inside {@code container} become one Tab stop: arrows move
     * within a group (Left/Right, Home/End) and between groups (Up/Down, PageUp/PageDown).
     */
    public static void rovingGroups(Component container) {
        onAttach(container, "roving");
    }

    private static void onAttach(Component component, String function) {
        String js = "window.tcwKeyboard && window.tcwKeyboard." + function + "(this)";
        component.addAttachListener(e -> component.getElement().executeJs(js));
        if (component.isAttached()) {
            component.getElement().executeJs(js);
        }
    }
}
