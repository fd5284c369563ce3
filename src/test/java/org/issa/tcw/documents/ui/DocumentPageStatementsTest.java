package org.issa.tcw.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.OneRequest;
import org.issa.tcw.testsupport.StatementCounter;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the server reads to open a reviewed document (issue 12): the SQL statements Hibernate
 * prepares for the page's first answer, inside one HTTP request as in production (the signed-in
 * person looked up once per request), and for what follows the first paint (review list, comments,
 * panels). A document with 24 comments and 12 suggestions must cost the
 * same as one with 2 and 1: no statement per comment, suggestion or paragraph on this path (the
 * comments are read after the first paint, ADR 028). Writes the counts and the request's server
 * time (relative, on whatever machine runs it) to {@code target/bench/document-page-statements.txt}.
 */
class DocumentPageStatementsTest extends KaribuTest {

    /**
     * Upper bound for the whole open: 160 when written (2026-12-07; the navigation's own request 28
     * of them, read in the SQL log: 15 are the same membership check of the reader, see
     * docs/benchmarks-documents.md); 146 since the role is read once per request (ADR 118).
     */
    static final long MOST_STATEMENTS = 146;

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentComments comments;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    StatementCounter counter;
    @Autowired
    @Qualifier("signedInPersonPerRequest")
    OncePerRequestFilter perRequest;

    long reviewed(int paragraphs, int commented, int suggested) {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Statements " + System.nanoTime());
        long id = documents.create("ICT", form);
        long chair = currentUser.require().personId();
        signIn.out();
        for (int i = 0; i < paragraphs; i++) {
            DocumentFixtures.type(context, id, "Point " + i + " of the review.", i > 0);
        }
        for (int i = 0; i < suggested; i++) {
            DocumentFixtures.suggest(context, id, i, 0, "Suggested " + i + ". ", chair + ":1:s" + i);
        }
        DocumentFixtures.compact(context, id);
        signIn.as("chair-ict");
        try {
            for (int i = 0; i < commented; i++) {
                List<String> anchor = DocumentFixtures.anchor(context, id, "Point " + i + " of");
                comments.comment(id, anchor.get(0), anchor.get(1), "Comment " + i);
            }
        } finally {
            signIn.out();
        }
        return id;
    }

    /**
     * The statements of the navigation to the document (one request, its time returned too) and of
     * what the page reads once its first frame is painted: the review list, the comments, the
     * consultation, History and discussion panels (ADR 092).
     */
    long[] open(long id) {
        signIn.out();
        signInAs("member-ict");
        navigate("");
        long[] nanos = new long[1];
        long statements = counter.statements(() -> {
            long start = System.nanoTime();
            inRequest(() -> navigate("documents/" + id));
            nanos[0] = System.nanoTime() - start;
            SuggestionList list = _get(DocumentEditorView.class).suggestionList;
            contentPainted(); // the browser painted the first frame: the panels, the comments, the review list
            UiPolling.awaitUi(Duration.ofSeconds(60), () -> list.settled()
                    && !_find(RadioButtonGroup.class, spec -> spec.withId("comment-filter")).isEmpty());
        });
        return new long[] {statements, nanos[0] / 1_000_000};
    }

    private void inRequest(Runnable action) {
        OneRequest.run(perRequest, action);
    }

    @Test
    void opening_a_document_costs_the_same_statements_for_2_or_24_comments_and_1_or_12_suggestions()
            throws IOException {
        long small = reviewed(2, 2, 1);
        long large = reviewed(24, 24, 12);
        long[] first = open(small);
        long[] second = open(large);
        long[] again = open(large); // the review list's reading is kept per state of the document
        Path out = Path.of("target", "bench", "document-page-statements.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT, "Opening a document as member-ict (the navigation in one request,"
                + " Karibu, and what follows the first paint): 2 comments / 1 suggestion: %d statements (%d ms on the"
                + " request thread); 24 comments / 12 suggestions: %d statements (%d ms); the same again: %d"
                + " statements (%d ms)%n", first[0], first[1], second[0], second[1], again[0], again[1]),
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(second[0]).as("statements for 24 comments and 12 suggestions vs 2 and 1").isEqualTo(first[0]);
        assertThat(second[0]).as("statements of the whole open").isLessThanOrEqualTo(MOST_STATEMENTS);
        assertThat(again[0]).as("the same document opened again").isLessThanOrEqualTo(second[0]);
    }
}
