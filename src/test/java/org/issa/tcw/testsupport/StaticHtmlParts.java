package org.issa.tcw.testsupport;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import com.vaadin.flow.component.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The parts of the current page drawn as static HTML ({@code base.ui.StaticHtml}: one {@link Html}
 * component each, its outer element on the server and the rest as HTML inside it), parsed as the
 * browser gets them, for Karibu tests that look inside them.
 */
public final class StaticHtmlParts {

    private StaticHtmlParts() {
    }

    public static Document page() {
        StringBuilder html = new StringBuilder();
        for (Html part : _find(Html.class)) {
            var element = part.getElement();
            html.append('<').append(element.getTag());
            element.getAttributeNames().forEach(name -> html.append(' ').append(name).append("=\"")
                    .append(element.getAttribute(name)).append('"'));
            html.append('>').append(part.getInnerHtml()).append("</").append(element.getTag()).append('>');
        }
        return Jsoup.parseBodyFragment(html.toString());
    }
}
