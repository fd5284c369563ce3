package org.issa.tcw.documents.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STUnderline;
import tools.jackson.databind.JsonNode;

/**
 * Writes an {@link ExportContent} as a Word document with Apache POI: its own paragraph styles
 * (Title, Heading 1–6 with outline levels, so Word's navigation pane and table of contents work),
 * one bullet and one decimal multi-level list definition, tables on a grid with merged cells
 * ({@code gridSpan}, {@code vMerge}), comments as Word comments and suggestions as tracked changes
 * ({@code w:ins}/{@code w:del} with author and date). Runs are written at the XML level so that
 * plain runs, hyperlinks, tracked changes and comment ranges keep document order.
 */
final class DocxWriter {

    private static final int TEXT_WIDTH = 9_000; // twips, A4 with Word's default margins
    private static final String LINK_COLOUR = "0563C1";

    private final ExportContent content;
    private final XWPFDocument doc = new XWPFDocument();
    private final Map<String, BigInteger> commentIds = new HashMap<>();
    private @Nullable XWPFComments comments;
    private final DocxStyles styles;
    private long changeId = 1_000_000;

    private DocxWriter(ExportContent content) {
        this.content = content;
        this.styles = DocxStyles.install(doc);
    }

    static byte[] write(ExportContent content) {
        return new DocxWriter(content).run();
    }

    private byte[] run() {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            cover();
            Sink body = new Sink() {
                @Override
                public XWPFParagraph paragraph() {
                    return doc.createParagraph();
                }

                @Override
                public XWPFTable table() {
                    return doc.createTable();
                }
            };
            blocks(content.tree().path("content"), body, new ListContext(null, -1));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where blocks go: the document body or a table cell. */
    private interface Sink {
        XWPFParagraph paragraph();

        /** A new table, or null where tables cannot go (inside a cell: the table is written as text). */
        @Nullable XWPFTable table();
    }

    /** The list a block sits in: its numbering instance and level (-1 outside lists). */
    private record ListContext(@Nullable BigInteger orderedNum, int level) {
    }

    // ---------- cover ----------

    private void cover() {
        XWPFParagraph title = doc.createParagraph();
        title.setStyle("Title");
        text(title.getCTP(), content.title());
        for (Map.Entry<String, String> line : content.cover()) {
            XWPFParagraph p = doc.createParagraph();
            CTR label = p.getCTP().addNewR();
            label.addNewRPr().addNewB();
            CTText t = label.addNewT();
            t.setStringValue(line.getKey() + ": ");
            t.setSpace(SpaceAttribute.Space.PRESERVE);
            text(p.getCTP(), line.getValue());
        }
        XWPFParagraph rule = doc.createParagraph();
        CTBorder bottom = rule.getCTP().addNewPPr().addNewPBdr().addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(6));
        bottom.setColor("999999");
    }

    private static void text(CTP p, String text) {
        CTText t = p.addNewR().addNewT();
        t.setStringValue(text);
        t.setSpace(SpaceAttribute.Space.PRESERVE);
    }

    // ---------- blocks ----------

    private void blocks(JsonNode nodes, Sink sink, ListContext list) {
        for (JsonNode node : nodes) {
            block(node, sink, list);
        }
    }

    private void block(JsonNode node, Sink sink, ListContext list) {
        String type = node.path("type").asString("");
        switch (type) {
            case "heading" -> {
                XWPFParagraph p = sink.paragraph();
                int level = Math.max(1, Math.min(6, node.path("attrs").path("level").asInt(1)));
                p.setStyle("Heading" + level);
                inline(node.path("content"), p.getCTP(), new Marks(false, false, false, false, false));
            }
            case "paragraph" -> {
                XWPFParagraph p = sink.paragraph();
                if (list.level() >= 0) {
                    p.setIndentationLeft(720 * (list.level() + 1));
                }
                inline(node.path("content"), p.getCTP(), new Marks(false, false, false, false, false));
            }
            case "codeBlock" -> {
                XWPFParagraph p = sink.paragraph();
                inline(node.path("content"), p.getCTP(), new Marks(false, false, false, false, true));
            }
            case "blockquote" -> {
                for (JsonNode child : node.path("content")) {
                    if ("paragraph".equals(child.path("type").asString(""))) {
                        XWPFParagraph p = sink.paragraph();
                        p.setIndentationLeft(720);
                        inline(child.path("content"), p.getCTP(), new Marks(false, true, false, false, false));
                    } else {
                        block(child, sink, list);
                    }
                }
            }
            case "horizontalRule" -> {
                XWPFParagraph p = sink.paragraph();
                CTBorder b = p.getCTP().addNewPPr().addNewPBdr().addNewBottom();
                b.setVal(STBorder.SINGLE);
                b.setSz(BigInteger.valueOf(6));
            }
            case "bulletList", "orderedList" -> list(node, sink, list, "orderedList".equals(type));
            case "table" -> table(node, sink);
            default -> blocks(node.path("content"), sink, list);
        }
    }

    private void list(JsonNode node, Sink sink, ListContext outer, boolean ordered) {
        int level = Math.min(8, outer.level() + 1);
        BigInteger orderedNum = outer.orderedNum();
        if (ordered && orderedNum == null) {
            orderedNum = styles.newOrderedNum(node.path("attrs").path("start").asInt(1));
        }
        BigInteger num = ordered ? orderedNum : styles.bulletNum();
        ListContext inner = new ListContext(orderedNum, level);
        for (JsonNode item : node.path("content")) {
            boolean first = true;
            for (JsonNode child : item.path("content")) {
                String type = child.path("type").asString("");
                if (first && ("paragraph".equals(type) || "heading".equals(type))) {
                    XWPFParagraph p = sink.paragraph();
                    p.setNumID(num);
                    p.setNumILvl(BigInteger.valueOf(level));
                    inline(child.path("content"), p.getCTP(), new Marks(false, false, false, false, false));
                } else {
                    block(child, sink, inner);
                }
                first = false;
            }
        }
    }

    // ---------- tables ----------

    private void table(JsonNode node, Sink sink) {
        List<JsonNode> rows = new ArrayList<>();
        node.path("content").forEach(r -> {
            if ("tableRow".equals(r.path("type").asString(""))) {
                rows.add(r);
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        DocxTableGrid placed = DocxTableGrid.place(rows);
        List<List<DocxTableGrid.Slot>> grid = placed.rows();
        int columns = placed.columns();
        int colWidth = TEXT_WIDTH / columns;
        XWPFTable table = sink.table();
        if (table == null) {
            // a table inside a table cell: its text, one paragraph per row
            for (JsonNode row : rows) {
                XWPFParagraph p = sink.paragraph();
                for (JsonNode c : row.path("content")) {
                    for (JsonNode b : c.path("content")) {
                        inline(b.path("content"), p.getCTP(), new Marks(false, false, false, false, false));
                        text(p.getCTP(), " ");
                    }
                }
            }
            return;
        }
        CTTbl tbl = table.getCTTbl();
        CTTblGrid tblGrid = CTTblGrid.Factory.newInstance();
        for (int i = 0; i < columns; i++) {
            tblGrid.addNewGridCol().setW(BigInteger.valueOf(colWidth));
        }
        tbl.setTblGrid(tblGrid);
        table.setWidth(String.valueOf(colWidth * columns));
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "999999");
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "999999");
        table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "999999");
        table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "999999");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "999999");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "999999");
        for (int r = 0; r < grid.size(); r++) {
            XWPFTableRow row = table.insertNewTableRow(r + 1);
            if (r == 0) {
                row.setRepeatHeader(grid.get(0).stream().allMatch(s -> s.header() || s.cell() == null));
            }
            for (DocxTableGrid.Slot slot : grid.get(r)) {
                XWPFTableCell cell = row.addNewTableCell();
                CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                var w = pr.addNewTcW();
                w.setType(STTblWidth.DXA);
                w.setW(BigInteger.valueOf((long) colWidth * slot.colspan()));
                if (slot.colspan() > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(slot.colspan()));
                }
                if (slot.cell() == null) {
                    pr.addNewVMerge().setVal(STMerge.CONTINUE);
                } else if (slot.rowspan() > 1) {
                    pr.addNewVMerge().setVal(STMerge.RESTART);
                }
                if (slot.header()) {
                    var shd = pr.addNewShd();
                    shd.setVal(STShd.CLEAR);
                    shd.setFill("F0F4F8");
                }
                if (cell.getParagraphs().isEmpty()) {
                    cell.addParagraph();
                }
                JsonNode source = slot.cell();
                if (source != null) {
                    cellContent(cell, source, slot.header());
                }
            }
        }
        table.removeRow(0); // the row POI's createTable() starts with
    }

    private void cellContent(XWPFTableCell cell, JsonNode source, boolean header) {
        @Nullable XWPFParagraph[] first = {cell.getParagraphs().get(0)};
        Sink sink = new Sink() {
            @Override
            public XWPFParagraph paragraph() {
                XWPFParagraph p = first[0];
                if (p != null) {
                    first[0] = null;
                    return p;
                }
                return cell.addParagraph();
            }

            @Override
            public @Nullable XWPFTable table() {
                return null;
            }
        };
        for (JsonNode child : source.path("content")) {
            if (header && "paragraph".equals(child.path("type").asString(""))) {
                XWPFParagraph p = sink.paragraph();
                inline(child.path("content"), p.getCTP(), new Marks(true, false, false, false, false));
            } else {
                block(child, sink, new ListContext(null, -1));
            }
        }
    }

    // ---------- inline content ----------

    /** Formatting inherited from the block (a header cell is bold, a quote italic, code monospace). */
    private record Marks(boolean bold, boolean italic, boolean underline, boolean strike, boolean code) {
    }

    private void inline(JsonNode nodes, CTP p, Marks base) {
        for (JsonNode node : nodes) {
            switch (node.path("type").asString("")) {
                case "text" -> run(p, node, base);
                case "hardBreak" -> p.addNewR().addNewBr();
                case "commentStart" -> {
                    BigInteger id = comment(node.path("id").asString(""));
                    if (id != null) {
                        p.addNewCommentRangeStart().setId(id);
                    }
                }
                case "commentEnd" -> {
                    BigInteger id = commentIds.get(node.path("id").asString(""));
                    if (id != null) {
                        p.addNewCommentRangeEnd().setId(id);
                        CTR ref = p.addNewR();
                        ref.addNewCommentReference().setId(id);
                    }
                }
                default -> inline(node.path("content"), p, base);
            }
        }
    }

    private void run(CTP p, JsonNode node, Marks base) {
        String text = ExchangeText.clean(node.path("text").asString(""), false);
        JsonNode marks = node.path("marks");
        String deletion = marks.path("deletion").path("id").asString(null);
        String insertion = marks.path("insertion").path("id").asString(null);
        if (text.isEmpty()) {
            return;
        }
        String href = marks.path("link").path("href").asString(null);
        boolean link = href != null && (href.startsWith("http://") || href.startsWith("https://")
                || href.startsWith("mailto:"));
        CTR r;
        if (deletion != null) {
            r = change(p.addNewDel(), deletion).addNewR();
        } else if (insertion != null) {
            r = change(p.addNewIns(), insertion).addNewR();
        } else if (link) {
            CTHyperlink h = p.addNewHyperlink();
            h.setId(doc.getPackagePart().addExternalRelationship(href, XWPFRelation.HYPERLINK.getRelation()).getId());
            r = h.addNewR();
        } else {
            r = p.addNewR();
        }
        CTRPr pr = r.addNewRPr();
        if (base.code() || marks.has("code")) {
            var fonts = pr.addNewRFonts();
            fonts.setAscii("Courier New");
            fonts.setHAnsi("Courier New");
        }
        if (base.bold() || marks.has("bold")) {
            pr.addNewB();
        }
        if (base.italic() || marks.has("italic")) {
            pr.addNewI();
        }
        if (base.strike() || marks.has("strike")) {
            pr.addNewStrike();
        }
        if (link) {
            pr.addNewColor().setVal(LINK_COLOUR);
        }
        if (base.underline() || marks.has("underline") || link) {
            pr.addNewU().setVal(STUnderline.SINGLE);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addNewBr();
            }
            CTText t = deletion != null ? r.addNewDelText() : r.addNewT();
            t.setStringValue(lines[i]);
            t.setSpace(SpaceAttribute.Space.PRESERVE);
        }
    }

    private CTRunTrackChange change(CTRunTrackChange change, String suggestionId) {
        change.setId(BigInteger.valueOf(changeId++));
        change.setAuthor(content.suggestionAuthor(suggestionId));
        Instant time = Suggestions.time(suggestionId);
        if (time != null) {
            change.setDate(calendar(time));
        }
        return change;
    }

    /** The Word comment for a comment id (created at its start marker), or null if unknown. */
    private @Nullable BigInteger comment(String id) {
        ExportContent.Comment c = content.comments().get(id);
        if (c == null || commentIds.containsKey(id)) {
            return null;
        }
        XWPFComments all = comments;
        if (all == null) {
            all = doc.createComments();
            comments = all;
        }
        BigInteger wordId = BigInteger.valueOf(commentIds.size());
        commentIds.put(id, wordId);
        XWPFComment comment = all.createComment(wordId);
        comment.setAuthor(c.author());
        comment.setInitials(initials(c.author()));
        comment.setDate(calendar(c.createdAt()));
        for (String line : c.text().split("\n")) {
            XWPFParagraph p = comment.createParagraph();
            text(p.getCTP(), line);
        }
        return wordId;
    }

    private static String initials(String name) {
        StringBuilder s = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty() && s.length() < 4) {
                s.appendCodePoint(part.codePointAt(0));
            }
        }
        return s.toString();
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }
}
