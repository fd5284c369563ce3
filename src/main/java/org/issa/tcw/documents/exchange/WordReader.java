package org.issa.tcw.documents.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.DocumentHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.zwobble.mammoth.DocumentConverter;
import org.zwobble.mammoth.Result;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Word file into the editor's ProseMirror JSON: the file is checked first (size, a real
 * DOCX, the unpacked size and number of its parts, no macros, not encrypted), then converted by
 * mammoth (DOCX → HTML), cleaned by the documents' HTML allow-list and mapped to the editor's
 * nodes and marks. Every refusal is a {@link UserFacingException} with an {@code exchange.import.*} key.
 */
final class WordReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final String STYLE_MAP = """
            p[style-name='Title'] => h1:fresh
            p[style-name='Subtitle'] => h2:fresh
            u => u
            """;

    /**
     * The editor's content as ProseMirror JSON, and what the import brought and left out. With Word
     * comments, the JSON holds inline anchor markers where their ranges start and end
     * ({@code {type:"anchor", id, edge}}, see {@link WordComments}).
     */
    record Converted(String proseMirrorJson, ImportSummary summary, List<WordComments.WordComment> comments) {
    }

    private WordReader() {
    }

    static Converted read(byte[] file, ImportLimits limits) {
        boolean hasComments = check(file, limits);
        WordComments.Prepared prepared = hasComments ? WordComments.prepare(file)
                : new WordComments.Prepared(file, List.of());
        AtomicInteger images = new AtomicInteger();
        Result<String> result;
        try {
            result = new DocumentConverter().addStyleMap(STYLE_MAP).imageConverter(image -> {
                images.incrementAndGet();
                return Map.of();
            }).convertToHtml(new ByteArrayInputStream(prepared.file()));
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException("exchange.import.not-docx");
        }
        Counts counts = new Counts();
        String doc = proseMirrorJson(result.getValue(), counts);
        int unsupported = (int) result.getWarnings().stream().filter(w -> !w.contains("image")).count();
        return new Converted(doc, new ImportSummary(counts.headings, counts.paragraphs, counts.lists,
                counts.tables, images.get(), unsupported, 0, 0), prepared.comments());
    }

    /** HTML, sanitized first, as the editor's ProseMirror JSON (a document with at least one paragraph). */
    static String proseMirrorJson(String html, Counts counts) {
        ArrayNode blocks = JSON.createArrayNode();
        blocks(Jsoup.parseBodyFragment(DocumentHtml.sanitize(html)).body(), blocks, counts);
        if (blocks.isEmpty()) {
            blocks.addObject().put("type", "paragraph");
        }
        ObjectNode doc = JSON.createObjectNode().put("type", "doc");
        doc.set("content", blocks);
        return doc.toString();
    }

    // ---------- the file ----------

    /** Checks the file; whether it has Word comments ({@code word/comments.xml}). */
    private static boolean check(byte[] file, ImportLimits limits) {
        if (file.length > limits.maxBytes()) {
            throw new UserFacingException("exchange.import.too-large", limits.maxBytes() / (1024 * 1024));
        }
        if (startsWith(file, OLE2)) {
            // an encrypted (password-protected) Word file is an OLE2 container, as is an old .doc
            throw new UserFacingException("exchange.import.protected-or-old");
        }
        if (!startsWith(file, ZIP)) {
            throw new UserFacingException("exchange.import.not-docx");
        }
        boolean document = false;
        boolean contentTypes = false;
        boolean comments = false;
        long expanded = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new UserFacingException("exchange.import.too-complex");
                }
                String name = entry.getName();
                if (name.toLowerCase(java.util.Locale.ROOT).endsWith("vbaproject.bin")) {
                    throw new UserFacingException("exchange.import.macros");
                }
                document |= "word/document.xml".equals(name);
                comments |= "word/comments.xml".equals(name);
                boolean types = "[Content_Types].xml".equals(name);
                contentTypes |= types;
                StringBuilder typesXml = types ? new StringBuilder() : null;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    expanded += n;
                    if (expanded > limits.maxExpandedBytes()) {
                        throw new UserFacingException("exchange.import.too-large-expanded",
                                limits.maxExpandedBytes() / (1024 * 1024));
                    }
                    if (typesXml != null && typesXml.length() < 1_000_000) {
                        typesXml.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
                if (typesXml != null && typesXml.toString().contains("macroEnabled")) {
                    throw new UserFacingException("exchange.import.macros");
                }
            }
        } catch (ZipException e) {
            throw new UserFacingException("exchange.import.not-docx");
        } catch (IOException e) {
            throw new UserFacingException("exchange.import.not-docx");
        }
        if (!document || !contentTypes) {
            throw new UserFacingException("exchange.import.not-docx");
        }
        return comments;
    }

    private static boolean startsWith(byte[] file, byte[] magic) {
        if (file.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (file[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    // ---------- HTML → ProseMirror JSON ----------

    static final class Counts {
        int headings;
        int paragraphs;
        int lists;
        int tables;
    }

    /** Block children of a container; inline content found between blocks becomes a paragraph. */
    private static void blocks(Element parent, ArrayNode out, Counts counts) {
        ArrayNode pending = null;
        for (Node child : parent.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                if (pending != null) {
                    paragraph(out, pending);
                    pending = null;
                }
                block(e, out, counts);
            } else {
                if (pending == null) {
                    pending = JSON.createArrayNode();
                }
                inline(child, pending, JSON.createObjectNode());
            }
        }
        if (pending != null) {
            paragraph(out, pending);
        }
    }

    private static void paragraph(ArrayNode out, ArrayNode inline) {
        if (inline.isEmpty()) {
            return;
        }
        ObjectNode p = out.addObject().put("type", "paragraph");
        p.set("content", inline);
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "hr", "div",
                    "tbody", "tr" -> true;
            default -> false;
        };
    }

    private static void block(Element e, ArrayNode out, Counts counts) {
        String tag = e.normalName();
        switch (tag) {
            case "p" -> {
                counts.paragraphs++;
                ObjectNode p = out.addObject().put("type", "paragraph");
                ArrayNode content = inlineOf(e);
                if (!content.isEmpty()) {
                    p.set("content", content);
                }
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                counts.headings++;
                ObjectNode h = out.addObject().put("type", "heading");
                h.putObject("attrs").put("level", tag.charAt(1) - '0');
                ArrayNode content = inlineOf(e);
                if (!content.isEmpty()) {
                    h.set("content", content);
                }
            }
            case "ul", "ol" -> {
                counts.lists++;
                ObjectNode list = out.addObject().put("type", "ul".equals(tag) ? "bulletList" : "orderedList");
                if ("ol".equals(tag)) {
                    int start = 1;
                    try {
                        start = Math.max(1, Integer.parseInt(e.attr("start").isEmpty() ? "1" : e.attr("start")));
                    } catch (NumberFormatException ignored) {
                        // keep 1
                    }
                    list.putObject("attrs").put("start", start);
                }
                ArrayNode items = list.putArray("content");
                for (Element li : e.children()) {
                    ArrayNode itemContent = JSON.createArrayNode();
                    if ("li".equals(li.normalName())) {
                        blocks(li, itemContent, counts);
                    } else {
                        block(li, itemContent, counts);
                    }
                    if (itemContent.isEmpty() || !"paragraph".equals(itemContent.get(0).path("type").asString(""))) {
                        itemContent.insertObject(0).put("type", "paragraph");
                    }
                    items.addObject().put("type", "listItem").set("content", itemContent);
                }
                if (items.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            }
            case "table" -> table(e, out, counts);
            case "blockquote" -> {
                ArrayNode content = JSON.createArrayNode();
                blocks(e, content, counts);
                if (content.isEmpty()) {
                    content.addObject().put("type", "paragraph");
                }
                out.addObject().put("type", "blockquote").set("content", content);
            }
            case "pre" -> {
                ObjectNode code = out.addObject().put("type", "codeBlock");
                String text = WordComments.strip(ExchangeText.clean(e.wholeText(), false));
                if (!text.isEmpty()) {
                    code.putArray("content").addObject().put("type", "text").put("text", text);
                }
            }
            case "hr" -> out.addObject().put("type", "horizontalRule");
            default -> blocks(e, out, counts); // div, stray tbody/tr
        }
    }

    private static void table(Element table, ArrayNode out, Counts counts) {
        ArrayNode rows = JSON.createArrayNode();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue; // a row of a table inside a cell
            }
            ArrayNode cells = JSON.createArrayNode();
            for (Element cell : tr.children()) {
                if (!"td".equals(cell.normalName()) && !"th".equals(cell.normalName())) {
                    continue;
                }
                ObjectNode c = cells.addObject().put("type", "th".equals(cell.normalName()) ? "tableHeader" : "tableCell");
                ObjectNode attrs = c.putObject("attrs");
                attrs.put("colspan", span(cell.attr("colspan")));
                attrs.put("rowspan", span(cell.attr("rowspan")));
                attrs.putNull("colwidth");
                ArrayNode content = JSON.createArrayNode();
                blocks(cell, content, counts);
                if (content.isEmpty()) {
                    content.addObject().put("type", "paragraph");
                }
                c.set("content", content);
            }
            if (!cells.isEmpty()) {
                rows.addObject().put("type", "tableRow").set("content", cells);
            }
        }
        if (!rows.isEmpty()) {
            counts.tables++;
            out.addObject().put("type", "table").set("content", rows);
        }
    }

    private static int span(String value) {
        try {
            return value.isEmpty() ? 1 : Math.max(1, Math.min(1000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static ArrayNode inlineOf(Element e) {
        ArrayNode out = JSON.createArrayNode();
        for (Node child : e.childNodes()) {
            inline(child, out, JSON.createObjectNode());
        }
        return out;
    }

    private static void inline(Node node, ArrayNode out, ObjectNode marks) {
        if (node instanceof TextNode t) {
            for (Object part : WordComments.split(ExchangeText.clean(t.text(), true))) {
                if (part instanceof WordComments.Mark m) {
                    out.addObject().put("type", "anchor").put("id", m.id()).put("edge", m.start() ? "start" : "end");
                } else {
                    text((String) part, out, marks);
                }
            }
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        inlineElement(e, out, marks);
    }

    private static void text(String text, ArrayNode out, ObjectNode marks) {
        if (text.isBlank() && (out.isEmpty() || text.isEmpty())) {
            return;
        }
        ObjectNode run = out.addObject().put("type", "text").put("text", text);
        if (!marks.isEmpty()) {
            ArrayNode list = run.putArray("marks");
            marks.properties().forEach(m -> list.addObject().put("type", m.getKey()).set("attrs", m.getValue()));
        }
    }

    private static void inlineElement(Element e, ArrayNode out, ObjectNode marks) {
        String mark = switch (e.normalName()) {
            case "strong", "b" -> "bold";
            case "em", "i" -> "italic";
            case "u" -> "underline";
            case "s", "del", "strike" -> "strike";
            case "code" -> "code";
            case "a" -> e.hasAttr("href") ? "link" : null;
            default -> null;
        };
        if ("br".equals(e.normalName())) {
            out.addObject().put("type", "hardBreak");
            return;
        }
        ObjectNode inner = marks;
        if ("underline".equals(mark) && marks.has("link")) {
            mark = null; // Word underlines links; the editor's links need no underline mark
        }
        if (mark != null) {
            inner = marks.deepCopy();
            ObjectNode attrs = JSON.createObjectNode();
            if ("link".equals(mark)) {
                attrs.put("href", e.attr("href"));
            }
            inner.set(mark, attrs);
        }
        for (Node child : e.childNodes()) {
            if (child instanceof Element c && isBlock(c)) {
                inline(new TextNode(" "), out, inner);
                for (Node grand : c.childNodes()) {
                    inline(grand, out, inner);
                }
            } else {
                inline(child, out, inner);
            }
        }
    }

}
