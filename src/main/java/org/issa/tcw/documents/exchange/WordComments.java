package org.issa.tcw.documents.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.issa.tcw.base.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The comments of a Word file (docs/adr/090): {@code word/comments.xml} (author, date, text), and
 * {@code word/commentsExtended.xml} when Word wrote it (which comment replies to which, and which
 * are done). Where each comment's range starts and ends ({@code w:commentRangeStart}/{@code End} in
 * {@code word/document.xml}) is marked in the text itself with private-use characters before the
 * converter reads the file, so the marks travel with the text through the conversion and end as
 * inline anchor markers in the editor's JSON ({@link #split}), from which the engine makes the
 * comments' Yjs anchors. The file has been checked ({@code WordReader.check}) before.
 */
final class WordComments {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    private static final String W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
    private static final char START = '\uE000';
    private static final char END = '\uE002';
    private static final char CLOSE_START = '\uE001';
    private static final char CLOSE_END = '\uE003';
    /** A mark in the text: start {@code U+E000 id U+E001}, end {@code U+E002 id U+E003}. */
    static final Pattern MARK = Pattern.compile("\uE000(\\d{1,9})\uE001|\uE002(\\d{1,9})\uE003");
    static final int MAX_COMMENTS = 2_000;
    private static final int MAX_AUTHOR = 200;

    /**
     * A comment of the Word file.
     *
     * @param parentId the comment it replies to (from commentsExtended), or null
     * @param done     whether Word marked it done (resolved)
     */
    record WordComment(String id, String author, @Nullable Instant date, String text, @Nullable String parentId,
            boolean done) {
    }

    /** The file with its comment ranges marked in the text, and the comments. */
    record Prepared(byte[] file, List<WordComment> comments) {
    }

    private WordComments() {
    }

    /** The file unchanged and no comments when it has none; otherwise the file with its ranges marked. */
    static Prepared prepare(byte[] file) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UserFacingException("exchange.import.not-docx");
        }
        byte[] commentsXml = parts.get("word/comments.xml");
        byte[] documentXml = parts.get("word/document.xml");
        if (commentsXml == null || documentXml == null) {
            return new Prepared(file, List.of());
        }
        List<WordComment> comments = comments(parse(commentsXml), parts.get("word/commentsExtended.xml"));
        if (comments.isEmpty()) {
            return new Prepared(file, List.of());
        }
        parts.put("word/document.xml", marked(parse(documentXml)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UserFacingException("exchange.import.not-docx");
        }
        return new Prepared(out.toByteArray(), comments);
    }

    /** Text without its marks, as plain text and anchor markers, in order: each a String or a {@link Mark}. */
    static List<Object> split(String text) {
        List<Object> out = new ArrayList<>();
        var m = MARK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(text.substring(at, m.start()));
            }
            out.add(m.group(1) != null ? new Mark(m.group(1), true) : new Mark(m.group(2), false));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(text.substring(at));
        }
        return out;
    }

    /** Text without its marks. */
    static String strip(String text) {
        return MARK.matcher(text).replaceAll("");
    }

    /** Where a comment's range starts or ends. */
    record Mark(String id, boolean start) {
    }

    // ---------- comments.xml / commentsExtended.xml ----------

    private static List<WordComment> comments(Document xml, byte @Nullable [] extendedXml) {
        Map<String, String> idByParagraph = new HashMap<>();
        List<Element> elements = new ArrayList<>();
        NodeList list = xml.getElementsByTagNameNS(W, "comment");
        for (int i = 0; i < list.getLength() && elements.size() < MAX_COMMENTS; i++) {
            Element c = (Element) list.item(i);
            elements.add(c);
            NodeList ps = c.getElementsByTagNameNS(W, "p");
            for (int j = 0; j < ps.getLength(); j++) {
                String para = ((Element) ps.item(j)).getAttributeNS(W14, "paraId");
                if (!para.isEmpty()) {
                    idByParagraph.put(para, c.getAttributeNS(W, "id"));
                }
            }
        }
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Boolean> done = new HashMap<>();
        if (extendedXml != null) {
            NodeList ex = parse(extendedXml).getElementsByTagNameNS(W15, "commentEx");
            for (int i = 0; i < ex.getLength(); i++) {
                Element e = (Element) ex.item(i);
                String id = idByParagraph.get(e.getAttributeNS(W15, "paraId"));
                if (id == null) {
                    continue;
                }
                String parent = idByParagraph.get(e.getAttributeNS(W15, "paraIdParent"));
                if (parent != null && !parent.equals(id)) {
                    parentOf.put(id, parent);
                }
                String d = e.getAttributeNS(W15, "done");
                done.put(id, "1".equals(d) || "true".equals(d));
            }
        }
        List<WordComment> out = new ArrayList<>();
        for (Element c : elements) {
            String id = c.getAttributeNS(W, "id");
            if (id.isEmpty()) {
                continue;
            }
            String author = ExchangeText.clean(c.getAttributeNS(W, "author"), true).strip();
            author = author.isEmpty() ? "?" : author.length() <= MAX_AUTHOR ? author : author.substring(0, MAX_AUTHOR);
            out.add(new WordComment(id, author, date(c.getAttributeNS(W, "date")), text(c), parentOf.get(id),
                    done.getOrDefault(id, false)));
        }
        return out;
    }

    private static @Nullable Instant date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** A comment's paragraphs as text, separated by blank lines (Markdown paragraphs). */
    private static String text(Element comment) {
        List<String> paragraphs = new ArrayList<>();
        NodeList ps = comment.getElementsByTagNameNS(W, "p");
        for (int i = 0; i < ps.getLength(); i++) {
            StringBuilder p = new StringBuilder();
            collect(ps.item(i), p);
            String s = ExchangeText.clean(p.toString(), false).strip();
            if (!s.isEmpty()) {
                paragraphs.add(s);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private static void collect(Node node, StringBuilder out) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
                switch (e.getLocalName()) {
                    case "t" -> out.append(e.getTextContent());
                    case "tab" -> out.append(' ');
                    case "br", "cr" -> out.append('\n');
                    case "delText", "instrText" -> {
                        // deleted text and field codes are not the comment's text
                    }
                    default -> collect(e, out);
                }
            }
        }
    }

    // ---------- document.xml: the ranges marked in the text ----------

    private static byte[] marked(Document xml) {
        List<Element> paragraphs = elements(xml, "p");
        for (String edge : List.of("commentRangeStart", "commentRangeEnd")) {
            boolean start = "commentRangeStart".equals(edge);
            for (Element e : elements(xml, edge)) {
                String id = e.getAttributeNS(W, "id");
                Node parent = e.getParentNode();
                if (!id.matches("\\d{1,9}") || parent == null) {
                    continue;
                }
                Element run = run(xml, start ? START + id + CLOSE_START : END + id + CLOSE_END);
                if (insideParagraph(e)) {
                    parent.replaceChild(run, e);
                    continue;
                }
                // between paragraphs (in the body, a table, a row): at the start of the next / end of the previous
                Element target = null;
                for (Element p : paragraphs) {
                    boolean following = (e.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) != 0;
                    if (start && following) {
                        target = p;
                        break;
                    }
                    if (!start && !following) {
                        target = p;
                    }
                }
                parent.removeChild(e);
                if (target != null) {
                    if (start) {
                        Node first = target.getFirstChild();
                        if (first instanceof Element pPr && "pPr".equals(pPr.getLocalName())) {
                            first = pPr.getNextSibling();
                        }
                        target.insertBefore(run, first);
                    } else {
                        target.appendChild(run);
                    }
                }
            }
        }
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            throw new UserFacingException("exchange.import.not-docx");
        }
    }

    private static boolean insideParagraph(Element e) {
        for (Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
            if (W.equals(p.getNamespaceURI()) && "p".equals(p.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> elements(Document xml, String localName) {
        NodeList list = xml.getElementsByTagNameNS(W, localName);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static Element run(Document xml, String text) {
        Element r = xml.createElementNS(W, "w:r");
        Element t = xml.createElementNS(W, "w:t");
        t.setAttributeNS(XMLConstants.XML_NS_URI, "xml:space", "preserve");
        t.setTextContent(text);
        r.appendChild(t);
        return r;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new UserFacingException("exchange.import.not-docx");
        }
    }
}
