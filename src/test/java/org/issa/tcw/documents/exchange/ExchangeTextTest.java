package org.issa.tcw.documents.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Text that XML cannot carry or that would disguise itself (NUL, a lone surrogate, a right-to-left
 * override) never reaches a Word or PDF file: the files still open and read back with the visible
 * text; spaces between runs are kept.
 */
class ExchangeTextTest {

    static final String HOSTILE = "Safe \\u0000text\\u202E with \\uD800override";

    @Test
    void control_and_direction_characters_are_removed_and_spaces_kept() {
        assertThat(ExchangeText.clean("a\u0000b\u202Ec\u2066d\uD800e\u200B ", true)).isEqualTo("abcde ");
        assertThat(ExchangeText.clean("line\nnext\ttab", false)).isEqualTo("line\nnext\ttab");
        assertThat(ExchangeText.clean("line\nnext", true)).isEqualTo("line next");
    }

    @Test
    void hostile_text_in_the_content_leaves_a_docx_and_a_pdf_that_open() throws IOException {
        String json = "{\"type\":\"doc\",\"content\":[" + ExchangeSamples.p(ExchangeSamples.text(HOSTILE)) + "]}";
        ObjectMapper mapper = new ObjectMapper();
        ExportContent content = new ExportContent("Hostile", ExchangeFixtures.toExportTree(mapper.readTree(json), mapper),
                java.util.List.of(), "Contents", "Page", java.util.Map.of(), java.util.Map.of(), "Unknown");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxWriter.write(content)))) {
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText))
                    .contains("Safe text with override");
        }
        try (PDDocument pdf = Loader.loadPDF(PdfWriter.write(content))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Safe text with override");
        }
    }
}
