package org.issa.tcw.documents.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Word and PDF out, Word in, through the real services, engine and database: the exported DOCX read
 * back with POI (headings, list levels, merged table cells, a comment, tracked changes with their
 * author), the PDF's text read back with PDFBox (Cyrillic and Greek names), committed Word fixtures
 * imported, every bad file refused with nothing changed, and who may download and import.
 */
@SpringTest
class DocumentExchangeTest {

    static final String FIXTURE = "/org/issa/tcw/documents/exchange/";

    @Autowired
    DocumentExports exports;
    @Autowired
    WordImports imports;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentComments comments;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;
    @Autowired
    CurrentUser currentUser;

    long documentId;
    String memberName;

    @BeforeEach
    void richDocument() {
        signIn.as("member-ict");
        long member = currentUser.require().personId();
        memberName = currentUser.require().displayName();
        DocumentForm form = new DocumentForm();
        form.setTitle("Exchange " + System.nanoTime());
        documentId = documents.create("ICT", form);
        String json = ExchangeSamples.rich(member, Instant.parse("2026-12-01T10:15:00Z").toEpochMilli());
        relay.change(documentId, CommissionAction.EDIT_DRAFT, log -> engine.replaceContent(log, json).join());
        List<String> anchor = engine.anchorFor(content(), "Findings").join();
        comments.comment(documentId, anchor.get(0), anchor.get(1), "Please expand the findings.");
        signIn.out();
    }

    @AfterEach
    void out() {
        signIn.out();
    }

    List<byte[]> content() {
        return relay.read(documentId, log -> log);
    }

    @Test
    void the_docx_has_headings_lists_merged_cells_a_comment_and_tracked_changes_with_their_author() throws IOException {
        signIn.as("observer-ict"); // observers may download
        ExportFile file = exports.docx(documentId, DocumentExports.Version.CURRENT, Locale.FRENCH);
        assertThat(file.fileName()).endsWith(".docx").contains("texte actuel");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/exchange-export.docx"), file.bytes()); // for LibreOffice
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.bytes()))) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            assertThat(ps.get(0).getStyle()).isEqualTo("Title");
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText).toList())
                    .anyMatch(t -> t.startsWith("Commission: ICT"));
            XWPFParagraph intro = paragraph(doc, "Introduction");
            assertThat(intro.getStyle()).isEqualTo("Heading1");
            assertThat(paragraph(doc, "Findings").getStyle()).isEqualTo("Heading2");
            assertThat(doc.getStyles().getStyle("Heading2").getCTStyle().getPPr().getOutlineLvl().getVal().intValue())
                    .isEqualTo(1);
            XWPFParagraph one = paragraph(doc, "Level one");
            XWPFParagraph two = paragraph(doc, "Level two");
            XWPFParagraph first = paragraph(doc, "First step");
            assertThat(one.getNumIlvl().intValue()).isZero();
            assertThat(two.getNumIlvl().intValue()).isEqualTo(1);
            assertThat(one.getNumFmt()).isEqualTo("bullet");
            assertThat(first.getNumFmt()).isEqualTo("decimal");
            assertThat(paragraph(doc, "Second step").getNumID()).isEqualTo(first.getNumID());
            XWPFParagraph marks = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("Plain")).findFirst()
                    .orElseThrow();
            assertThat(marks.getRuns()).anyMatch(r -> "bold".equals(r.text()) && r.isBold());
            assertThat(marks.getRuns()).anyMatch(r -> "italic".equals(r.text()) && r.isItalic());
            assertThat(marks.getRuns()).anyMatch(r -> "struck".equals(r.text()) && r.isStrikeThrough());
            assertThat(marks.getText()).contains("link").contains("Дмитрий Иванов");
            assertThat(marks.getCTP().getHyperlinkList()).hasSize(1);

            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(3);
            assertThat(table.getRow(0).getTableCells()).hasSize(1);
            assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("Merged header");
            assertThat(table.getRow(0).getCell(0).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(2);
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("Tall");
            assertThat(table.getRow(1).getCell(0).getCTTc().getTcPr().getVMerge().getVal()).isEqualTo(STMerge.RESTART);
            assertThat(table.getRow(2).getCell(0).getCTTc().getTcPr().getVMerge().getVal()).isEqualTo(STMerge.CONTINUE);
            assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("B3");
            assertThat(table.getCTTbl().getTblGrid().sizeOfGridColArray()).isEqualTo(2);

            XWPFComment[] all = doc.getComments();
            assertThat(all).hasSize(1);
            assertThat(all[0].getText()).contains("Please expand the findings.");
            assertThat(all[0].getAuthor()).isEqualTo(memberName);
            XWPFParagraph findings = paragraph(doc, "Findings");
            assertThat(findings.getCTP().getCommentRangeStartList()).hasSize(1);
            assertThat(findings.getCTP().getCommentRangeEndList()).hasSize(1);

            XWPFParagraph proposal = doc.getParagraphs().stream()
                    .filter(p -> p.getCTP().xmlText().contains("We propose")).findFirst().orElseThrow();
            CTRunTrackChange ins = proposal.getCTP().getInsList().get(0);
            CTRunTrackChange del = proposal.getCTP().getDelList().get(0);
            assertThat(ins.getAuthor()).isEqualTo(memberName);
            assertThat(del.getAuthor()).isEqualTo(memberName);
            assertThat(ins.getRList().get(0).getTList().get(0).getStringValue()).isEqualTo("new words");
            assertThat(del.getRList().get(0).getDelTextList().get(0).getStringValue()).isEqualTo("old words");
            assertThat(ins.getDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T10:15:00Z"));
        }
    }

    @Test
    void a_version_is_exported_from_its_state_with_its_name_and_date() throws IOException {
        signIn.as("member-ict");
        byte[] state = engine.initialState(
                "{\"type\":\"doc\",\"content\":[" + ExchangeSamples.p(ExchangeSamples.text("Old version text")) + "]}")
                .join();
        ExportFile file = exports.docx(documentId, new DocumentExports.Version(state, "Draft for TC Forum",
                Instant.parse("2027-03-03T09:00:00Z")), Locale.ENGLISH);
        assertThat(file.fileName()).contains("Draft for TC Forum").contains("2027-03-03");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.bytes()))) {
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText)).contains("Old version text")
                    .noneMatch(t -> t.contains("Introduction"));
        }
    }

    @Test
    void the_pdf_has_the_text_with_cyrillic_and_greek_names_a_table_of_contents_and_page_numbers() throws IOException {
        signIn.as("observer-ict");
        ExportFile file = exports.pdf(documentId, DocumentExports.Version.CURRENT, Locale.GERMAN);
        assertThat(file.fileName()).endsWith(".pdf").contains("aktueller Text");
        java.nio.file.Files.write(java.nio.file.Path.of("target/exchange-export.pdf"), file.bytes());
        try (PDDocument pdf = Loader.loadPDF(file.bytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Дмитрий Иванов").contains("Γιώργος Παπαδόπουλος")
                    .contains("Inhalt").contains("Seite 1 / ").contains("Merged header").contains("Level two");
            assertThat(text.indexOf("Findings")).isLessThan(text.lastIndexOf("Findings")); // in contents and body
        }
    }

    @Test
    void another_commissions_member_may_not_download() {
        signIn.as("member-fam");
        assertThatThrownBy(() -> exports.docx(documentId, DocumentExports.Version.CURRENT, Locale.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.pdf(documentId, DocumentExports.Version.CURRENT, Locale.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_word_file_made_with_poi_becomes_a_new_document_with_headings_lists_and_tables() throws IOException {
        signIn.as("member-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Imported " + System.nanoTime());
        WordImports.Imported imported = imports.newDocument("ICT", form, fixture("poi-rich.docx"));
        String xml = engine.xml(relay.read(imported.documentId(), log -> log)).join();
        assertThat(xml).contains("<heading level=\"1\">Introduction</heading>")
                .contains("<heading level=\"2\">Findings</heading>")
                .contains("<bulletlist><listitem><paragraph>Level one</paragraph><bulletlist><listitem><paragraph>Level two")
                .contains("<orderedlist")
                .contains("colspan=\"2\"").contains("rowspan=\"2\"").contains("Merged header")
                .contains("Plain <bold>bold</bold> <italic>italic</italic> <underline>underlined</underline> "
                        + "<strike>struck</strike> and a <link href=\"https://www.issa.int\">link</link> by Дмитрий Иванов")
                .contains("<tableheader colspan=\"2\" rowspan=\"1\"><paragraph><bold>Merged header</bold>");
        assertThat(imported.summary().headings()).isGreaterThanOrEqualTo(3);
        assertThat(imported.summary().tables()).isEqualTo(1);
    }

    @Test
    void a_word_file_made_by_libreoffice_becomes_a_new_document_with_headings_lists_and_merged_cells() throws IOException {
        signIn.as("member-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("From LibreOffice " + System.nanoTime());
        WordImports.Imported imported = imports.newDocument("ICT", form, fixture("libreoffice-rich.docx"));
        String xml = engine.xml(relay.read(imported.documentId(), log -> log)).join();
        assertThat(xml).contains("<heading level=\"1\">Report on coverage</heading>")
                .contains("<heading level=\"2\">Members</heading>").contains("<heading level=\"3\">Figures</heading>")
                .contains("<bold>LibreOffice</bold>").contains("<italic>italic</italic>")
                .contains("Ольга Смирнова").contains("Νίκος Γεωργίου")
                .containsPattern("<bulletlist><listitem><paragraph>Argentina</paragraph><bulletlist><listitem>"
                        + "<paragraph>Buenos Aires</paragraph>")
                .contains("<orderedlist").contains("Compare schemes")
                .containsPattern("colspan=\"2\"[^>]*>(<paragraph>)?(<bold>)?Scheme and country")
                .containsPattern("rowspan=\"2\"[^>]*><paragraph>Pensions");
        assertThat(xml).containsPattern("<link href=\"https://www.issa.int/\"[^>]*>link</link>");
        assertThat(imported.summary().tables()).isEqualTo(1);
    }

    @Test
    void a_plain_poi_file_with_an_image_imports_its_text_and_reports_the_image() throws IOException {
        signIn.as("member-ict");
        ImportSummary summary = imports.replace(documentId, fixture("poi-image.docx"));
        String xml = engine.xml(content()).join();
        assertThat(xml).contains("Text before the picture").doesNotContain("Introduction");
        assertThat(summary.images()).isEqualTo(1);
    }

    @Test
    void every_bad_file_is_refused_and_nothing_changes() throws Exception {
        signIn.as("member-ict");
        String before = engine.xml(content()).join();
        long count = documents.count("ICT");
        byte[] docx = fixture("poi-rich.docx");
        assertRefused(ExchangeSamples.class.getName().getBytes(), "exchange.import.not-docx");
        assertRefused("%PDF-1.7 not a word file".getBytes(), "exchange.import.not-docx");
        assertRefused(zip("a.txt", "hello".getBytes()), "exchange.import.not-docx");
        byte[] fifty = new byte[50 * 1024 * 1024];
        System.arraycopy(docx, 0, fifty, 0, docx.length);
        assertRefused(fifty, "exchange.import.too-large");
        assertRefused(encrypted(docx), "exchange.import.protected-or-old");
        assertRefused(withMacros(docx), "exchange.import.macros");
        assertRefused(bomb(), "exchange.import.too-large-expanded");
        assertThat(engine.xml(content()).join()).isEqualTo(before);
        assertThat(documents.count("ICT")).isEqualTo(count);
        // a smaller expansion limit is a setting
        assertThatThrownBy(() -> WordReader.read(docx, new ImportLimits(null, 10_000L, null)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("exchange.import.too-large-expanded");
        assertThatThrownBy(() -> WordReader.read(docx, new ImportLimits(null, null, 3)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("exchange.import.too-complex");
    }

    void assertRefused(byte[] file, String key) {
        assertThatThrownBy(() -> imports.replace(documentId, file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(key);
        DocumentForm form = new DocumentForm();
        form.setTitle("Refused " + System.nanoTime());
        assertThatThrownBy(() -> imports.newDocument("ICT", form, file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(key);
    }

    @Test
    void an_observer_and_another_commissions_member_may_not_import_or_replace() throws IOException {
        byte[] docx = fixture("poi-rich.docx");
        for (String user : List.of("observer-ict", "member-fam")) {
            signIn.as(user);
            assertThatThrownBy(() -> imports.replace(documentId, docx)).isInstanceOf(AccessDeniedException.class);
            DocumentForm form = new DocumentForm();
            form.setTitle("Refused " + System.nanoTime());
            assertThatThrownBy(() -> imports.newDocument("ICT", form, docx)).isInstanceOf(AccessDeniedException.class);
        }
        signIn.as("member-ict");
        assertThat(engine.xml(content()).join()).contains("Introduction");
    }

    // ---------- files ----------

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = DocumentExchangeTest.class.getResourceAsStream(FIXTURE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + ": run ExchangeFixtures.main");
            }
            return in.readAllBytes();
        }
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A real password-protected Word file (agile encryption, as Word writes it). */
    static byte[] encrypted(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** The DOCX turned into a macro-enabled one: macro content type and a vbaProject part. */
    static byte[] withMacros(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if ("[Content_Types].xml".equals(e.getName())) {
                    data = new String(data, java.nio.charset.StandardCharsets.UTF_8).replace(
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                            "application/vnd.ms-word.document.macroEnabled.main+xml").getBytes(
                                    java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A small file (well under the upload limit) whose document part unpacks to 300 MB. */
    static byte[] bomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text));
    }
}
