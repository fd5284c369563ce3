package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Html;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A part of a page that is drawn once and never changes while the page is open (lists of links, cards,
 * headings), as one server-side element with plain HTML inside (ADR 116). Vaadin keeps a state node
 * (with its maps of properties, attributes and children) for every component and every text on the
 * server for as long as the page is open; plain HTML inside one {@link Html} costs one node and its
 * text. The browser gets the same elements, ids and classes. Texts and attribute values set through
 * Jsoup's {@link Element} API are escaped; never put a person's text in with {@code html(...)}.
 */
public final class StaticHtml {

    private StaticHtml() {
    }

    /** A new element to build the HTML in (attached to a document that writes it without indentation). */
    public static Element element(String tag) {
        var document = new Document("");
        document.outputSettings().prettyPrint(false);
        return document.appendElement(tag);
    }

    /** A link the router follows without reloading the page (what {@code RouterLink} renders). */
    public static Element routerLink(Element parent, String href, String text) {
        return parent.appendElement("a").attr("href", href).attr("router-link", "").text(text);
    }

    /** The component showing {@code root} and everything in it. */
    public static Html of(Element root) {
        return new Html(root.outerHtml());
    }
}
