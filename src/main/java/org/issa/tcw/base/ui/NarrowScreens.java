package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Adapts a view to the width of the browser window: grids drop their secondary columns below a
 * width (a phone), so the column that names things keeps room to be read. Follows the window as
 * it is resized, from the view's attach to its detach.
 */
public final class NarrowScreens {

    /** Below this window width (CSS pixels) a screen counts as narrow (phones, in portrait). */
    public static final int NARROW = 700;

    private NarrowScreens() {
    }

    /** Hides {@code columns} while the window is narrower than {@link #NARROW}. */
    public static void hideColumnsWhenNarrow(Component owner, Grid.Column<?>... columns) {
        List<Grid.Column<?>> list = List.of(columns);
        onWidth(owner, width -> list.forEach(c -> c.setVisible(width >= NARROW)));
    }

    /** Calls {@code action} with the window's inner width when {@code owner} is attached and whenever it changes. */
    public static void onWidth(Component owner, IntConsumer action) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(d -> action.accept(d.getWindowInnerWidth()));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> action.accept(e.getWidth()));
            owner.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }
}
