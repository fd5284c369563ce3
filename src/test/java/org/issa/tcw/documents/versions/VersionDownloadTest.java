package org.issa.tcw.documents.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.exchange.DocumentExports;
import org.issa.tcw.documents.exchange.ExportFile;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A version downloaded as Word and PDF: the file holds the version's text, not what was typed after
 * it, and is named after the version; who may not read the document gets nothing.
 */
@SpringTest
class VersionDownloadTest {

    @Autowired
    DocumentVersions versions;
    @Autowired
    DocumentExports exports;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void a_version_downloads_as_word_and_pdf_with_its_own_text() throws IOException {
        signIn.as("member-ict");
        long id = document("Version download");
        type(id, "Text sent to the Bureau");
        long version = versions.name(id, "Draft for TC Forum 2027");
        type(id, "Typed after the version");

        // an observer may download versions too
        signIn.as("observer-ict");
        DocumentExports.Version v = versions.forExport(id, version);
        assertThat(v.name()).isEqualTo("Draft for TC Forum 2027");
        ExportFile docx = exports.docx(id, v, Locale.ENGLISH);
        assertThat(docx.fileName()).contains("Draft for TC Forum 2027").endsWith(".docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.bytes()))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("Text sent to the Bureau", "Draft for TC Forum 2027")
                    .doesNotContain("Typed after the version");
        }
        ExportFile pdf = exports.pdf(id, v, Locale.FRENCH);
        assertThat(pdf.fileName()).endsWith(".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Text sent to the Bureau").doesNotContain("Typed after the version");
        }
        // the current text has both
        ExportFile now = exports.docx(id, DocumentExports.Version.CURRENT, Locale.ENGLISH);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(now.bytes()))) {
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText))
                    .contains("Text sent to the Bureau", "Typed after the version");
        }
    }

    @Test
    void another_commissions_member_gets_no_version_and_versions_belong_to_their_document() {
        signIn.as("member-ict");
        long id = document("Version refused");
        type(id, "Private words");
        long version = versions.name(id, "Private version");
        long other = document("Another document");
        signIn.as("member-fam");
        assertThatThrownBy(() -> versions.forExport(id, version)).isInstanceOf(AccessDeniedException.class);
        signIn.as("member-ict");
        assertThatThrownBy(() -> versions.forExport(other, version)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> versions.forExport(id, Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    private long document(String title) {
        DocumentForm form = new DocumentForm();
        form.setTitle(title + " " + System.nanoTime());
        form.setKind(DocumentKind.OTHER);
        form.setLanguage(WorkingLanguage.EN);
        return documents.create("ICT", form);
    }

    private void type(long id, String text) {
        relay.change(id, CommissionAction.EDIT_DRAFT, log -> engine.typeText(log, text, true).join());
    }
}
