package org.issa.tcw.documents.exchange;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.issa.tcw.base.PdfFonts;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Entities;
import tools.jackson.databind.JsonNode;

/**
 * Writes an {@link ExportContent} as PDF with openhtmltopdf: XHTML built here from the document
 * tree (every text escaped), the DejaVu Sans faces the programme reports embed (Latin, Greek,
 * Cyrillic), page numbers in the footer and a table of contents from the headings with their page
 * numbers. Suggestions show as coloured insertions and struck deletions; comment markers are left out.
 */
final class PdfWriter {

    private static final String FONT_FAMILY = PdfFonts.FAMILY;

    private final ExportContent content;
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder toc = new StringBuilder();
    private int headings;

    private PdfWriter(ExportContent content) {
        this.content = content;
    }

    static byte[] write(ExportContent content) {
        return new PdfWriter(content).run();
    }

    private byte[] run() {
        for (JsonNode node : content.tree().path("content")) {
            block(node);
        }
        StringBuilder h = new StringBuilder(body.length() + toc.length() + 4096);
        h.append("<html><head><meta charset=\"utf-8\"/><style>")
                .append("@page{size:A4;margin:20mm 18mm 22mm 18mm;@bottom-center{content:'")
                .append(css(content.pageLabel())).append(" ' counter(page) ' / ' counter(pages);font-family:'")
                .append(FONT_FAMILY).append("';font-size:8pt;color:#555}}")
                .append("body{font-family:'").append(FONT_FAMILY).append("';font-size:10pt;line-height:1.4;color:#1f2933}")
                .append("h1.title{font-size:20pt;color:#1f3864;margin:0 0 8pt}")
                .append("h1,h2,h3,h4,h5,h6{color:#2f5496;margin:12pt 0 4pt;page-break-after:avoid}")
                .append("h1{font-size:16pt}h2{font-size:14pt}h3{font-size:12pt}h4,h5,h6{font-size:11pt}")
                .append(".cover{border-bottom:1px solid #999;padding-bottom:6pt;margin-bottom:12pt}.cover b{font-weight:bold}")
                .append(".toc{margin-bottom:14pt}.toc a{color:#1f2933;text-decoration:none}")
                .append(".toc a::after{content:leader('.') target-counter(attr(href), page)}")
                .append(".toc div{margin:2pt 0}.toc .l2{margin-left:12pt}.toc .l3{margin-left:24pt}")
                .append(".toc .l4,.toc .l5,.toc .l6{margin-left:36pt}")
                .append("table{width:100%;border-collapse:collapse;table-layout:fixed;margin:6pt 0}")
                .append("td,th{border:1px solid #999;padding:3pt;vertical-align:top;word-wrap:break-word}")
                .append("th{background:#f0f4f8;font-weight:bold}li>p{margin:0}td>p,th>p{margin:0}")
                .append("strong,b{font-weight:bold}em{font-style:italic}")
                .append("ins{color:#1a7f37;text-decoration:underline}del{color:#b42318;text-decoration:line-through}")
                .append("pre{font-size:9pt;background:#f6f8fa;padding:4pt;white-space:pre-wrap}blockquote{margin-left:14pt;color:#444}")
                .append("a{color:#0563c1}")
                .append("</style></head><body>");
        h.append("<h1 class=\"title\">").append(esc(content.title())).append("</h1><div class=\"cover\">");
        for (Map.Entry<String, String> line : content.cover()) {
            h.append("<div><b>").append(esc(line.getKey())).append(":</b> ").append(esc(line.getValue()))
                    .append("</div>");
        }
        h.append("</div>");
        if (headings > 0) {
            h.append("<div class=\"toc\"><h2>").append(esc(content.tocTitle())).append("</h2>").append(toc)
                    .append("</div>");
        }
        h.append(body).append("</body></html>");
        org.w3c.dom.Document xhtml = new W3CDom().fromJsoup(Jsoup.parse(h.toString()));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            PdfFonts.register(builder);
            builder.withW3cDocument(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void blocks(JsonNode nodes) {
        for (JsonNode node : nodes) {
            block(node);
        }
    }

    private void block(JsonNode node) {
        String type = node.path("type").asString("");
        switch (type) {
            case "heading" -> {
                int level = Math.max(1, Math.min(6, node.path("attrs").path("level").asInt(1)));
                String id = "h" + (++headings);
                StringBuilder inner = new StringBuilder();
                inline(node.path("content"), inner);
                body.append("<h").append(level).append(" id=\"").append(id).append("\">").append(inner)
                        .append("</h").append(level).append('>');
                toc.append("<div class=\"l").append(level).append("\"><a href=\"#").append(id).append("\">")
                        .append(esc(plain(node))).append("</a></div>");
            }
            case "paragraph" -> {
                body.append("<p>");
                inline(node.path("content"), body);
                body.append("</p>");
            }
            case "codeBlock" -> {
                body.append("<pre>");
                inline(node.path("content"), body);
                body.append("</pre>");
            }
            case "horizontalRule" -> body.append("<hr/>");
            case "blockquote", "bulletList", "orderedList", "listItem", "tableRow" -> {
                String tag = switch (type) {
                    case "blockquote" -> "blockquote";
                    case "bulletList" -> "ul";
                    case "orderedList" -> "ol";
                    case "listItem" -> "li";
                    default -> "tr";
                };
                body.append('<').append(tag);
                int start = node.path("attrs").path("start").asInt(1);
                if ("ol".equals(tag) && start > 1) {
                    body.append(" start=\"").append(start).append('"');
                }
                body.append('>');
                blocks(node.path("content"));
                body.append("</").append(tag).append('>');
            }
            case "table" -> {
                body.append("<table>");
                boolean first = true;
                for (JsonNode row : node.path("content")) {
                    boolean headerRow = first && row.path("content").size() > 0;
                    for (JsonNode c : row.path("content")) {
                        headerRow &= "tableHeader".equals(c.path("type").asString(""));
                    }
                    body.append(headerRow ? "<thead>" : first ? "<tbody>" : "");
                    block(row);
                    if (headerRow) {
                        body.append("</thead><tbody>");
                    }
                    first = false;
                }
                body.append(first ? "" : "</tbody>").append("</table>");
            }
            case "tableCell", "tableHeader" -> {
                String tag = "tableHeader".equals(type) ? "th" : "td";
                body.append('<').append(tag);
                for (String a : new String[] {"colspan", "rowspan"}) {
                    int v = node.path("attrs").path(a).asInt(1);
                    if (v > 1 && v <= 1000) {
                        body.append(' ').append(a).append("=\"").append(v).append('"');
                    }
                }
                body.append('>');
                blocks(node.path("content"));
                body.append("</").append(tag).append('>');
            }
            default -> blocks(node.path("content"));
        }
    }

    private static void inline(JsonNode nodes, StringBuilder out) {
        for (JsonNode node : nodes) {
            String type = node.path("type").asString("");
            if ("text".equals(type)) {
                String text = ExchangeText.clean(node.path("text").asString(""), false);
                if (text.isEmpty()) {
                    continue;
                }
                String h = esc(text).replace("\n", "<br/>");
                JsonNode marks = node.path("marks");
                for (String[] m : new String[][] {{"bold", "strong"}, {"italic", "em"}, {"underline", "u"},
                        {"strike", "s"}, {"code", "code"}, {"insertion", "ins"}, {"deletion", "del"}}) {
                    if (marks.has(m[0])) {
                        h = "<" + m[1] + ">" + h + "</" + m[1] + ">";
                    }
                }
                String href = marks.path("link").path("href").asString(null);
                if (href != null && (href.startsWith("http://") || href.startsWith("https://")
                        || href.startsWith("mailto:"))) {
                    h = "<a href=\"" + esc(href) + "\">" + h + "</a>";
                }
                out.append(h);
            } else if ("hardBreak".equals(type)) {
                out.append("<br/>");
            } else if (!type.startsWith("comment")) {
                inline(node.path("content"), out);
            }
        }
    }

    /** The plain text of a node (a heading, for the table of contents), suggested deletions left out. */
    static String plain(JsonNode node) {
        StringBuilder s = new StringBuilder();
        for (JsonNode c : node.path("content")) {
            if ("text".equals(c.path("type").asString(""))) {
                if (!c.path("marks").has("deletion")) {
                    s.append(c.path("text").asString("").replace("\u200B", ""));
                }
            } else {
                s.append(plain(c));
            }
        }
        return s.toString();
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }

    private static String css(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'").replaceAll("[\\r\\n]", " ");
    }
}
