package org.issa.tcw.discussion;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns a post's Markdown into HTML that is safe to show: commonmark renders it with raw HTML
 * escaped (never passed through) and unsafe link targets dropped, then an allow-list sanitizer
 * (jsoup's {@link Cleaner}) keeps only formatting tags, http(s)/mailto links, and forces
 * {@code rel="nofollow noopener"} on every link. Mentions of known members are marked afterwards
 * in text nodes outside code and links.
 */
final class PostMarkdown {

    /** A mention: {@code @} not preceded by a word character, then a username. */
    static final Pattern MENTION = Pattern.compile("(?<![\\w@.\\-])@([A-Za-z0-9](?:[A-Za-z0-9._\\-]*[A-Za-z0-9])?)");

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "hr", "strong", "em", "b", "i", "del", "code", "pre", "blockquote", "ul", "ol",
                    "li", "a", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6")
            .addAttributes("a", "href").addAttributes("ol", "start").addAttributes("th", "align")
            .addAttributes("td", "align").addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private PostMarkdown() {
    }

    /** The result of rendering: safe HTML, and the lower-case usernames of the known members it mentions. */
    record Rendered(String html, Set<String> mentions) {
    }

    /**
     * Renders Markdown to sanitized HTML.
     *
     * @param members lower-case username → display name of the people that may be mentioned
     */
    static Rendered render(String markdown, Map<String, String> members) {
        String raw = RENDERER.render(PARSER.parse(markdown));
        Document dirty = Jsoup.parseBodyFragment(raw);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        Set<String> mentioned = new LinkedHashSet<>();
        markMentions(clean.body(), members, mentioned);
        return new Rendered(clean.body().html().strip(), mentioned);
    }

    /** Sanitized HTML without mentions marked (previews). */
    static String render(String markdown) {
        return render(markdown, Map.of()).html();
    }

    private static void markMentions(Element root, Map<String, String> members, Set<String> mentioned) {
        if (members.isEmpty()) {
            return;
        }
        List<Element> children = List.copyOf(root.children());
        for (TextNode text : List.copyOf(root.textNodes())) {
            markIn(text, members, mentioned);
        }
        for (Element child : children) {
            String tag = child.normalName();
            if (!tag.equals("code") && !tag.equals("pre") && !tag.equals("a")) {
                markMentions(child, members, mentioned);
            }
        }
    }

    private static void markIn(TextNode text, Map<String, String> members, Set<String> mentioned) {
        String value = text.getWholeText();
        Matcher m = MENTION.matcher(value);
        int last = 0;
        Node cursor = text;
        boolean changed = false;
        List<Node> replacement = new java.util.ArrayList<>();
        while (m.find()) {
            String username = m.group(1).toLowerCase(Locale.ROOT);
            if (!members.containsKey(username)) {
                continue;
            }
            mentioned.add(username);
            replacement.add(new TextNode(value.substring(last, m.start())));
            Element span = new Element("span").addClass("tcw-mention").text(m.group());
            span.attr("title", members.get(username));
            replacement.add(span);
            last = m.end();
            changed = true;
        }
        if (!changed) {
            return;
        }
        replacement.add(new TextNode(value.substring(last)));
        for (Node n : replacement) {
            cursor.after(n);
            cursor = n;
        }
        text.remove();
    }

    /** The lower-case usernames written as mentions in a text, known or not (for autocomplete and checks). */
    static Set<String> handles(String markdown) {
        Set<String> result = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(markdown);
        while (m.find()) {
            result.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return result;
    }
}
