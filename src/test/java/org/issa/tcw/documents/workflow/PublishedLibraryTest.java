package org.issa.tcw.documents.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.exchange.DocumentExports;
import org.issa.tcw.documents.exchange.ExportFile;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The library: published documents (the demo's FAM guideline in EN and FR) for every signed-in
 * person, one entry per family with its languages, the filters, and the exports of published
 * documents to people outside the commission (and only of published ones).
 */
@SpringTest
class PublishedLibraryTest {

    @Autowired
    PublishedLibrary library;
    @Autowired
    DocumentExports exports;
    @Autowired
    DocumentService documents;
    @Autowired
    SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    LibraryEntry famGuideline(List<LibraryEntry> entries) {
        return entries.stream().filter(e -> e.title().startsWith("Guideline on family benefits")).findFirst()
                .orElseThrow();
    }

    @Test
    void the_published_guideline_is_listed_once_with_its_languages_and_the_filters_apply() {
        signIn.as("member-ict"); // not a member of FAM
        LibraryEntry entry = famGuideline(library.published(LibraryQuery.ALL));
        assertThat(entry.commissionCode()).isEqualTo("FAM");
        assertThat(entry.languages()).extracting(LibraryEntry.Language::language)
                .containsExactly(WorkingLanguage.EN, WorkingLanguage.FR);
        assertThat(library.published(LibraryQuery.ALL)).noneMatch(e -> e.title().startsWith("Ligne directrice sur"));

        assertThat(library.published(LibraryQuery.ofCommission("FAM"))).anyMatch(e -> e.documentId() == entry.documentId());
        assertThat(library.published(LibraryQuery.ofCommission("ICT"))).noneMatch(e -> e.documentId() == entry.documentId());
        assertThat(library.published(new LibraryQuery(null, DocumentKind.GUIDELINE, WorkingLanguage.FR, null, null, null)))
                .anyMatch(e -> e.documentId() == entry.documentId());
        assertThat(library.published(new LibraryQuery(null, null, WorkingLanguage.ES, null, null, null)))
                .noneMatch(e -> e.documentId() == entry.documentId());
        assertThat(library.published(new LibraryQuery(null, DocumentKind.MEETING_MINUTES, null, null, null, null)))
                .noneMatch(e -> e.documentId() == entry.documentId());
        int year = entry.publishedAt().atZone(java.time.ZoneOffset.UTC).getYear();
        assertThat(library.published(new LibraryQuery(null, null, null, year - 2, year, null)))
                .anyMatch(e -> e.documentId() == entry.documentId());
        assertThat(library.published(new LibraryQuery(null, null, null, year + 1, year + 3, null)))
                .noneMatch(e -> e.documentId() == entry.documentId());
        assertThat(library.published(new LibraryQuery(null, null, null, null, null, Set.of(entry.documentId()))))
                .extracting(LibraryEntry::documentId).containsExactly(entry.documentId());
        assertThat(library.published(new LibraryQuery(null, null, null, null, null, Set.of()))).isEmpty();
    }

    @Test
    void only_published_documents_are_exported_to_everyone() throws Exception {
        signIn.as("member-ict");
        LibraryEntry entry = famGuideline(library.published(LibraryQuery.ALL));
        long fr = entry.languages().get(1).documentId();
        ExportFile pdf = exports.publishedPdf(fr, Locale.FRENCH);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("travailleurs frontaliers");
        }
        assertThat(exports.publishedDocx(entry.documentId(), Locale.ENGLISH).bytes()).isNotEmpty();
        // the editor's own exports stay for the commission
        assertThatThrownBy(() -> exports.pdf(fr, DocumentExports.Version.CURRENT, Locale.FRENCH))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as("member-fam");
        DocumentForm form = new DocumentForm();
        form.setTitle("Unpublished " + System.nanoTime());
        long draft = documents.create("FAM", form);
        signIn.as("member-ict");
        assertThatThrownBy(() -> exports.publishedPdf(draft, Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.publishedDocx(draft, Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.publishedHeader(draft)).isInstanceOf(AccessDeniedException.class);
    }
}
