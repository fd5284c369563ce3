package org.issa.tcw.documents;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;

/**
 * The allow-list for document HTML that leaves the editor (search snippets, export, versions):
 * structure (tables: table, tbody, tr, th, td with colspan/rowspan) and inline formatting only,
 * links to http(s) and mailto, suggestions (ins, del and data-suggestion* attributes), nothing that runs.
 */
public final class DocumentHtml {

    private static final Safelist SAFE = new Safelist()
            .addTags("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code", "hr",
                    "br", "strong", "em", "u", "s", "a", "table", "tbody", "tr", "th", "td", "div", "ins", "del")
            .addAttributes("a", "href")
            // suggestions in the marked-up rendering (YjsEngine.renderMarked): inert data only
            .addAttributes(":all", "data-suggestion", "data-suggestion-id", "data-author", "data-time")
            .addAttributes("ol", "start")
            .addAttributes("th", "colspan", "rowspan")
            .addAttributes("td", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener nofollow");

    private static final OutputSettings OUTPUT = new OutputSettings().prettyPrint(false);

    private DocumentHtml() {
    }

    public static String sanitize(String html) {
        return Jsoup.clean(html, "", SAFE, OUTPUT);
    }
}
