package org.issa.tcw.documents.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.JoinResult;
import org.issa.tcw.documents.RecordingEditor;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What opening a reviewed document costs the server, part by part, in engine (GraalJS) calls and
 * relative time: the page's reads (header, stored HTML for the first paint, comment threads,
 * suggestion threads), the editor's join and the review list. A harness, not a benchmark: it
 * asserts only what must not grow with the number of comments (engine calls, updates sent at
 * join); the times it writes to {@code target/bench/open-costs.txt} are shares on whatever machine
 * runs it. The browser's part of the open is measured by {@code CommentsOpenBench}
 * ({@code bench/documents/comments.sh}).
 */
@SpringTest
class DocumentOpenCostTest {

    static final int PARAGRAPHS = Integer.getInteger("bench.paragraphs", 120);
    static final int SUGGESTIONS = Integer.getInteger("bench.suggestions", 40);

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentComments comments;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    DocumentCollaboration collaboration;
    @Autowired
    YjsEngine engine;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    SignIn signIn;
    @Autowired
    ApplicationContext context;

    final List<String> report = new ArrayList<>();

    @AfterEach
    void signOut() {
        signIn.out();
    }

    record Part(String name, int engineCalls, double millis, double engineMillis, double waitedMillis) {
    }

    <T> T measure(List<Part> parts, String name, Supplier<T> work) {
        long started = System.nanoTime();
        try (YjsEngine.CallCount count = YjsEngine.countCalls()) {
            T result = work.get();
            parts.add(new Part(name, count.calls(), (System.nanoTime() - started) / 1e6, count.busyNanos() / 1e6,
                    count.waitedNanos() / 1e6));
            return result;
        }
    }

    long reviewedDocument(int commentCount) {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Open cost " + System.nanoTime());
        long doc = documents.create("ICT", form);
        long chair = currentUser.require().personId();
        signIn.out();
        for (int i = 0; i < PARAGRAPHS; i++) {
            DocumentFixtures.type(context, doc, "Point " + i + " of the review: the quick brown fox jumps over the lazy dog.",
                    i > 0);
            if (i % 50 == 49) {
                DocumentFixtures.compact(context, doc);
            }
        }
        for (int i = 0; i < SUGGESTIONS; i++) {
            DocumentFixtures.suggest(context, doc, i, 0, "Suggested " + i + ". ", chair + ":mf1x2y3z:b" + i);
        }
        DocumentFixtures.compact(context, doc);
        signIn.as("member-ict");
        for (int i = 0; i < commentCount; i++) {
            List<String> anchor = DocumentFixtures.anchor(context, doc, "Point " + (i % PARAGRAPHS) + " of");
            comments.comment(doc, anchor.get(0), anchor.get(1), "Comment **" + i + "**");
        }
        signIn.out();
        return doc;
    }

    List<Part> open(long doc) {
        List<Part> parts = new ArrayList<>();
        signIn.as("member-ict");
        long before = engine.totalCalls();
        measure(parts, "header (documents.open)", () -> documents.open(doc));
        String html = measure(parts, "stored HTML for the first paint (documents.text)", () -> documents.text(doc).html());
        assertThat(html).contains("Point 0 of the review");
        measure(parts, "comment threads (comments.list)", () -> comments.list(doc));
        measure(parts, "suggestion threads (comments.suggestionThreads)", () -> comments.suggestionThreads(doc));
        RecordingEditor editor = new RecordingEditor();
        JoinResult join = measure(parts, "editor join (collaboration.join)", () -> collaboration.join(doc, editor));
        measure(parts, "review list, first reader (suggestions.list)", () -> suggestions.list(doc));
        measure(parts, "review list, next reader (cached)", () -> suggestions.list(doc));
        collaboration.leave(doc, editor);
        assertThat(join.updates()).as("a compacted document is sent as its one compacted state").hasSize(1);
        report.add(String.format(Locale.ROOT, "join sent %d update(s), %d bytes (base64); engine calls by anyone during the"
                + " open (incl. the first join's background log check): %d", join.updates().size(),
                join.updates().stream().mapToInt(String::length).sum(), engine.totalCalls() - before));
        return parts;
    }

    @Test
    void opening_does_not_call_the_engine_per_comment_and_joins_with_the_compacted_state() throws IOException {
        long few = reviewedDocument(10);
        long many = reviewedDocument(PARAGRAPHS);
        List<Part> small = open(few);
        List<Part> large = open(many);
        double total = large.stream().mapToDouble(Part::millis).sum();
        report.add(String.format(Locale.ROOT, "%d paragraphs, %d suggestions; %d comments vs %d comments:", PARAGRAPHS,
                SUGGESTIONS, 10, PARAGRAPHS));
        for (int i = 0; i < large.size(); i++) {
            Part p = large.get(i);
            report.add(String.format(Locale.ROOT, "  %-52s engine calls %d (with 10 comments: %d), %6.1f ms = %4.1f%%"
                    + " of the server's part (engine %.1f ms, waiting for the engine's thread %.1f ms)", p.name(),
                    p.engineCalls(), small.get(i).engineCalls(), p.millis(), 100 * p.millis() / total, p.engineMillis(),
                    p.waitedMillis()));
        }
        Path out = Path.of("target/bench/open-costs.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);

        for (int i = 0; i < large.size(); i++) {
            assertThat(large.get(i).engineCalls()).as(large.get(i).name() + ": engine calls do not grow with comments")
                    .isEqualTo(small.get(i).engineCalls());
        }
        // nothing on the page's own path asks the engine: only the review list does, once per state
        assertThat(large.stream().filter(p -> !p.name().startsWith("review list")).mapToInt(Part::engineCalls).sum())
                .isZero();
        assertThat(large.get(5).engineCalls()).isEqualTo(1);
        assertThat(large.get(6).engineCalls()).isZero();
    }
}
