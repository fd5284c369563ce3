package org.issa.tcw.base.ui;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.icon.AbstractIcon;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An icon of the application's own small iconset {@code tcw} (frontend/tcw-icons.ts): what the
 * shell shows on every page (top bar, side navigation, the filter field above grids). Vaadin's
 * {@code Icon} / {@code VaadinIcon} would put Vaadin's whole icon set (some 250 KB) into the first
 * bundle of every page; views deeper in the application may keep using them, their chunks then
 * carry that set (ADR 111).
 *
 * <p>The side navigation renders the same element as static HTML: the {@code icon} of a view's
 * {@code @Menu} is a glyph of this set, e.g. {@code "tcw:group"}.
 */
@JsModule("./tcw-icons.ts")
public final class AppIcon extends AbstractIcon<AppIcon> {

    /** The name of the iconset registered by frontend/tcw-icons.ts. */
    public static final String ICONSET = "tcw";

    /** The glyphs of the set; each one is a {@code <g id="tcw:…">} in frontend/tcw-icons.ts. */
    public enum Glyph {
        BELL, SEARCH, DASHBOARD, GROUP, FILE_TEXT_O, BOOK, ENVELOPES_O, INSTITUTION, USERS, CLUSTER, CALENDAR,
        LIST_OL, COPY_O, ENVELOPE, DOWNLOAD, UPLOAD;

        /** The value of the element's {@code icon} attribute, e.g. {@code "tcw:file-text-o"}. */
        public String icon() {
            return ICONSET + ":" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Glyph glyph;

    public AppIcon(Glyph glyph) {
        this.glyph = glyph;
        getElement().setAttribute("icon", glyph.icon());
    }

    public Glyph glyph() {
        return glyph;
    }

    @Override
    public void setColor(@Nullable String color) {
        if (color == null) {
            getStyle().remove("fill");
        } else {
            getStyle().set("fill", color);
        }
    }

    @Override
    public @Nullable String getColor() {
        return getStyle().get("fill");
    }
}
