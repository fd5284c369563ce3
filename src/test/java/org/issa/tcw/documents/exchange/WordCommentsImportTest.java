package org.issa.tcw.documents.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.xml.namespace.QName;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.comments.CommentView;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.documents.comments.ImportedComment;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Word comments become anchored comments on the imported text (docs/adr/090): a Word file made here
 * with POI, with comments by named Word authors, one reply (commentsExtended, as Word writes it),
 * one range over two paragraphs and one thread marked done, imported through the real service,
 * engine and database.
 */
@SpringTest
class WordCommentsImportTest {

    static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";

    @Autowired
    WordImports imports;
    @Autowired
    DocumentComments comments;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;
    @Autowired
    CurrentUser currentUser;

    @AfterEach
    void out() {
        signIn.out();
    }

    @Test
    void word_comments_become_comments_on_their_text_by_the_importer_showing_the_word_author_and_date()
            throws IOException {
        signIn.as("member-ict");
        long me = currentUser.require().personId();
        DocumentForm form = new DocumentForm();
        form.setTitle("With Word comments " + System.nanoTime());
        WordImports.Imported imported = imports.newDocument("ICT", form, commentedDocx());

        String xml = engine.xml(relay.read(imported.documentId(), log -> log)).join();
        assertThat(xml).contains("The committee reviewed the findings carefully.")
                .contains("Second paragraph of the scope.").doesNotContain("\uE000").doesNotContain("\uE002");
        assertThat(imported.summary().comments()).isEqualTo(3);
        assertThat(imported.summary().commentsLeftOut()).isZero();

        List<CommentView> threads = comments.list(imported.documentId()).comments();
        assertThat(threads).hasSize(2);
        CommentView findings = threads.stream().filter(t -> t.quote().equals("findings")).findFirst().orElseThrow();
        assertThat(findings.authorName()).isEqualTo("Maria Lopez");
        assertThat(findings.fromWord()).isTrue();
        assertThat(findings.authorId()).isEqualTo(me);
        assertThat(findings.createdAt()).isEqualTo(Instant.parse("2026-05-03T09:30:00Z"));
        assertThat(findings.html()).contains("Please give the numbers");
        assertThat(findings.resolved()).isFalse();
        assertThat(findings.replies()).singleElement().satisfies(r -> {
            assertThat(r.authorName()).isEqualTo("Jean Martin");
            assertThat(r.fromWord()).isTrue();
            assertThat(r.html()).contains("Numbers are in annex 2");
        });
        CommentView across = threads.stream().filter(t -> t != findings).findFirst().orElseThrow();
        assertThat(across.quote()).isEqualTo("Second paragraph of the scope.\nThird");
        assertThat(across.authorName()).isEqualTo("Ольга Смирнова");
        assertThat(across.resolved()).isTrue();
        assertThat(across.replies()).isEmpty();

        // the anchors are on the stored text: they resolve there, to the same words
        assertThat(engine.anchorRange(relay.read(imported.documentId(), log -> log), findings.from(), findings.to())
                .join().text()).isEqualTo("findings");
    }

    @Test
    void a_word_file_without_comments_imports_as_before() throws IOException {
        signIn.as("member-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Without comments " + System.nanoTime());
        WordImports.Imported imported = imports.newDocument("ICT", form, DocumentExchangeTest.fixture("poi-rich.docx"));
        assertThat(imported.summary().comments()).isZero();
        assertThat(comments.list(imported.documentId()).comments()).isEmpty();
    }

    @Test
    void someone_outside_the_commission_may_not_store_imported_comments() throws IOException {
        signIn.as("member-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Refused Word comments " + System.nanoTime());
        long id = imports.newDocument("ICT", form, DocumentExchangeTest.fixture("poi-rich.docx")).documentId();
        List<String> anchor = engine.anchorFor(relay.read(id, log -> log), "Introduction").join();
        ImportedComment c = new ImportedComment("0", null, "Maria Lopez", null, "Hello", anchor.get(0), anchor.get(1),
                false);
        for (String user : List.of("member-fam")) {
            signIn.as(user);
            assertThatThrownBy(() -> comments.importFromWord(id, List.of(c)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        signIn.as("member-ict");
        assertThat(comments.list(id).comments()).isEmpty();
        assertThat(comments.importFromWord(id, List.of(c)).stored()).isEqualTo(1);
        assertThat(comments.list(id).comments()).singleElement()
                .satisfies(t -> assertThat(t.quote()).isEqualTo("Introduction"));
    }

    /**
     * Three paragraphs; "findings" commented by Maria Lopez and answered by Jean Martin (a reply in
     * commentsExtended); a range from the second paragraph into the third, marked done.
     */
    static byte[] commentedDocx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFComments notes = doc.createComments();
            XWPFComment first = comment(notes, 0, "Maria Lopez", "2026-05-03T09:30:00Z", "Please give the numbers.",
                    "00000A01");
            XWPFComment reply = comment(notes, 1, "Jean Martin", "2026-05-04T08:00:00Z", "Numbers are in annex 2.",
                    "00000A02");
            XWPFComment across = comment(notes, 2, "Ольга Смирнова", "2026-05-05T12:00:00Z", "Merge these two.",
                    "00000A03");

            XWPFParagraph p1 = doc.createParagraph();
            p1.createRun().setText("The committee reviewed the ");
            p1.getCTP().addNewCommentRangeStart().setId(first.getCtComment().getId());
            p1.getCTP().addNewCommentRangeStart().setId(reply.getCtComment().getId());
            p1.createRun().setText("findings");
            p1.getCTP().addNewCommentRangeEnd().setId(first.getCtComment().getId());
            p1.getCTP().addNewCommentRangeEnd().setId(reply.getCtComment().getId());
            p1.createRun().getCTR().addNewCommentReference().setId(first.getCtComment().getId());
            p1.createRun().getCTR().addNewCommentReference().setId(reply.getCtComment().getId());
            p1.createRun().setText(" carefully.");

            XWPFParagraph p2 = doc.createParagraph();
            p2.getCTP().addNewCommentRangeStart().setId(across.getCtComment().getId());
            p2.createRun().setText("Second paragraph of the scope.");
            XWPFParagraph p3 = doc.createParagraph();
            p3.createRun().setText("Third");
            p3.getCTP().addNewCommentRangeEnd().setId(across.getCtComment().getId());
            p3.createRun().getCTR().addNewCommentReference().setId(across.getCtComment().getId());
            p3.createRun().setText(" paragraph, not commented.");

            // what Word writes for replies and "done": word/commentsExtended.xml, by paragraph id
            PackagePart extended = doc.getPackage().createPart(
                    PackagingURIHelper.createPartName("/word/commentsExtended.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml");
            try (OutputStream os = extended.getOutputStream()) {
                os.write(("""
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">
                          <w15:commentEx w15:paraId="00000A01" w15:done="0"/>
                          <w15:commentEx w15:paraId="00000A02" w15:paraIdParent="00000A01" w15:done="0"/>
                          <w15:commentEx w15:paraId="00000A03" w15:done="1"/>
                        </w15:commentsEx>
                        """).strip().getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(extended.getPartName(), TargetMode.INTERNAL,
                    "http://schemas.microsoft.com/office/2011/relationships/commentsExtended");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    static XWPFComment comment(XWPFComments notes, int id, String author, String date, String text, String paraId) {
        XWPFComment c = notes.createComment(BigInteger.valueOf(id));
        c.setAuthor(author);
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        when.setTimeInMillis(Instant.parse(date).toEpochMilli());
        c.setDate(when);
        XWPFParagraph p = c.createParagraph();
        p.createRun().setText(text);
        try (XmlCursor cursor = p.getCTP().newCursor()) {
            cursor.toNextToken();
            cursor.insertAttributeWithValue(new QName(W14, "paraId", "w14"), paraId);
        }
        return c;
    }
}
