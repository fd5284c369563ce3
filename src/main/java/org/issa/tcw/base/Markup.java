package org.issa.tcw.base;

import org.jspecify.annotations.Nullable;

/** Text written into XML, HTML or SVG that the server builds (the PDF report, the timeline). */
public final class Markup {

    private Markup() {
    }

    /**
     * Escaped for element content and quoted attributes, after {@link UserText#sanitize(String, boolean)}
     * removed what XML cannot carry (a control character stored before names were checked would
     * otherwise fail the whole document) and what would make the text lie (direction overrides).
     */
    public static String escape(@Nullable String text) {
        return UserText.sanitize(text, false).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;").replace("\"", "&quot;");
    }
}
