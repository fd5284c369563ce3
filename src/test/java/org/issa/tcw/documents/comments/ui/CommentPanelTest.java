package org.issa.tcw.documents.comments.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.comments.CommentView;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.documents.comments.ImportedComment;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The comments panel next to the editor: order, filter, detached, reply, resolve, the comment a link leads to. */
class CommentPanelTest extends KaribuTest {

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentComments comments;
    @Autowired
    ApplicationContext context;

    long documentId;
    long onFox;
    long onDog;
    long resolved;

    @BeforeEach
    void documentWithComments() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Panel " + System.nanoTime());
        documentId = documents.create("ICT", form);
        DocumentFixtures.type(context, documentId, "The quick brown fox jumps over the lazy dog.", false);
        List<String> dog = DocumentFixtures.anchor(context, documentId, "lazy dog");
        List<String> fox = DocumentFixtures.anchor(context, documentId, "brown fox");
        onDog = comments.comment(documentId, dog.get(0), dog.get(1), "Which dog?");
        resolved = comments.comment(documentId, fox.get(0), fox.get(1), "Done already");
        comments.setResolved(resolved, true);
        signIn.as("member-ict");
        onFox = comments.comment(documentId, fox.get(0), fox.get(1), "Is it *brown*?");
        signIn.out();
    }

    CommentPanel panel() {
        return _get(CommentPanel.class);
    }

    /** The browser painted the content: the panel reads its comments (off the request thread) and shows them. */
    static void painted() {
        contentPainted();
        CommentPanel panel = _get(CommentPanel.class);
        UiPolling.awaitUi(Duration.ofSeconds(60), panel::loaded);
    }

    @Test
    void the_first_response_carries_no_comment_they_follow_once_the_content_is_painted() {
        signInAs("member-ict");
        navigate("documents/" + documentId);
        CommentPanel panel = panel();
        assertThat(panel.listed()).as("nothing before the content is on the screen").isEmpty();
        Div list = _get(Div.class, spec -> spec.withId("comment-list"));
        assertThat(list.getElement().getAttribute("aria-busy")).isEqualTo("true");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("comments-loading")).getText())
                .isEqualTo("Loading the comments…");
        assertThat(_find(Button.class, spec -> spec.withId("comment-add"))).as("hidden until the rights are read")
                .isEmpty();
        painted();
        assertThat(panel.listed()).containsExactly(onDog, onFox);
        assertThat(list.getElement().hasAttribute("aria-busy")).isFalse();
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("comments-loading"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("comment-add"))).as("a member may comment").hasSize(1);
    }

    String text(Div card) {
        return card.getElement().getTextRecursively();
    }

    @Test
    void a_comment_from_a_word_file_shows_the_word_authors_name_and_date() {
        signIn.as("member-ict");
        List<String> quick = DocumentFixtures.anchor(context, documentId, "quick");
        assertThat(comments.importFromWord(documentId, List.of(new ImportedComment("0", null, "Maria Lopez",
                Instant.parse("2026-05-03T09:30:00Z"), "From the Word file", quick.get(0), quick.get(1), false),
                new ImportedComment("1", "0", "Jean Martin", null, "A Word reply", null, null, false))).stored())
                .isEqualTo(2);
        signIn.out();
        signInAs("member-ict");
        navigate("documents/" + documentId);
        painted();
        Div card = _find(Div.class).stream().filter(d -> d.getId().orElse("").matches("comment-\\d+")
                && text(d).contains("Maria Lopez")).findFirst().orElseThrow();
        // (bodies are set as HTML, not text nodes)
        assertThat(text(card)).contains("Maria Lopez (from Word)").contains("May 3, 2026")
                .contains("Jean Martin (from Word)").contains("quick");
    }

    @Test
    void open_comments_in_the_order_of_their_text_detached_last_and_the_filter_shows_the_resolved() {
        signInAs("member-ict");
        navigate("documents/" + documentId);
        painted();
        CommentPanel panel = panel();
        assertThat(panel.listed()).as("until the editor placed them: oldest first").containsExactly(onDog, onFox);
        panel.ordered(List.of(resolved, onFox, onDog), Set.of());
        assertThat(panel.listed()).containsExactly(onFox, onDog);
        panel.ordered(List.of(resolved, onDog, onFox), Set.of(onFox));
        assertThat(panel.listed()).containsExactly(onDog, onFox);
        Div card = _get(Div.class, spec -> spec.withId("comment-" + onFox));
        assertThat(card.getClassNames()).contains("detached");
        assertThat(text(card)).contains("The text this comment was on was removed.").contains("brown fox");
        assertThat(text(_get(Div.class, spec -> spec.withId("comment-" + onDog)))).doesNotContain("was removed");
        panel.filter(CommentPanel.Filter.RESOLVED);
        assertThat(panel.listed()).containsExactly(resolved);
        panel.filter(CommentPanel.Filter.ALL);
        assertThat(panel.listed()).containsExactly(resolved, onDog, onFox);
    }

    @Test
    void a_member_replies_and_resolves_their_own_comment_but_not_the_chairs() {
        signInAs("member-ict");
        navigate("documents/" + documentId);
        painted();
        assertThat(_find(Button.class, spec -> spec.withId("comment-resolve-" + onDog))).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("comment-reply-open-" + onDog)));
        _setValue(_get(TextArea.class, spec -> spec.withId("comment-" + onDog + "-reply-body")), "The **lazy** one");
        _click(_get(Button.class, spec -> spec.withId("comment-reply-send-" + onDog)));
        CommentView dog = comments.list(documentId).comments().stream().filter(c -> c.id() == onDog).findFirst()
                .orElseThrow();
        assertThat(dog.replies()).extracting(CommentView.Reply::html)
                .containsExactly("<p>The <strong>lazy</strong> one</p>");
        assertThat(_get(Div.class, spec -> spec.withId("comment-" + onDog)).getChildren()
                .filter(c -> c.getClassNames().contains("tcw-comment-reply"))
                .map(c -> c.getChildren().toList().get(1).getElement().getProperty("innerHTML")))
                .containsExactly("<p>The <strong>lazy</strong> one</p>");
        _click(_get(Button.class, spec -> spec.withId("comment-resolve-" + onFox)));
        assertThat(panel().listed()).containsExactly(onDog);
    }

    @Test
    void an_empty_reply_is_refused_with_a_message() {
        signInAs("observer-ict");
        navigate("documents/" + documentId);
        painted();
        _click(_get(Button.class, spec -> spec.withId("comment-reply-open-" + onFox)));
        _click(_get(Button.class, spec -> spec.withId("comment-reply-send-" + onFox)));
        assertThat(notifications()).contains("Write the comment first.");
        assertThat(comments.list(documentId).comments()).allMatch(c -> c.replies().isEmpty());
    }

    @Test
    void the_link_of_a_mention_opens_the_document_with_the_comment_highlighted_even_when_resolved() {
        signInAs("chair-ict");
        com.vaadin.flow.component.UI.getCurrent().navigate("documents/" + documentId,
                com.vaadin.flow.router.QueryParameters.of("comment", String.valueOf(resolved)));
        painted();
        CommentPanel panel = panel();
        assertThat(panel.active()).isEqualTo(resolved);
        assertThat(panel.filter()).isEqualTo(CommentPanel.Filter.ALL);
        assertThat(_get(Div.class, spec -> spec.withId("comment-" + resolved)).getClassNames()).contains("active");
        _get(Button.class, spec -> spec.withId("comment-resolve-" + onFox));
    }

    @Test
    void many_comments_are_rendered_in_batches_and_a_linked_one_further_down_at_once() {
        signIn.as("observer-ict");
        List<String> dog = DocumentFixtures.anchor(context, documentId, "lazy dog");
        long last = 0;
        for (int i = 0; i < CommentPanel.BATCH + 5; i++) {
            last = comments.comment(documentId, dog.get(0), dog.get(1), "Remark " + i);
        }
        signIn.out();
        signInAs("member-ict");
        navigate("documents/" + documentId);
        painted();
        CommentPanel panel = panel();
        int open = CommentPanel.BATCH + 7; // two of the setup's comments are open too
        assertThat(panel.listed()).as("the first batch only").hasSize(CommentPanel.BATCH);
        Div first = _get(Div.class, spec -> spec.withId("comment-" + onDog));
        panel.moreComments(); // what the browser asks for once it painted the first batch
        assertThat(panel.listed()).hasSize(open);
        assertThat(_get(Div.class, spec -> spec.withId("comment-" + onDog))).as("cards are kept, not re-created")
                .isSameAs(first);

        long linked = last;
        navigate("documents/" + documentId);
        painted();
        panel().activate(linked, false);
        assertThat(panel().listed()).contains(linked);
    }
}
