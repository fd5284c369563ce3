package org.issa.tcw.documents.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.documents.DocumentFixtures;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * A suggestion's comment thread (issue 12): who may write and read it (allow and deny), Markdown
 * and mentions as for comments, bad input refused with nothing changed, live, and kept as history
 * when the suggestion is accepted or rejected.
 */
@SpringTest
class SuggestionThreadsTest {

    @Autowired
    DocumentComments comments;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    DocumentService documents;
    @Autowired
    NotificationService notifications;
    @Autowired
    CommentBroadcaster broadcaster;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    SignIn signIn;
    @Autowired
    ApplicationContext context;

    long documentId;
    String suggestion;

    @BeforeEach
    void documentWithASuggestion() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Suggestion threads " + System.nanoTime());
        documentId = documents.create("ICT", form);
        DocumentFixtures.type(context, documentId, "The agreed text.", false);
        signIn.as("member-ict");
        suggestion = currentUser.require().personId() + ":" + Long.toString(System.currentTimeMillis(), 36) + ":t1";
        DocumentFixtures.suggest(context, documentId, 0, 4, "newly ", suggestion);
        signIn.out();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    SuggestionThreadList threads(String user) {
        signIn.as(user);
        return comments.suggestionThreads(documentId);
    }

    @Test
    void observers_and_members_discuss_a_suggestion_in_one_thread_with_markdown_apart_from_the_text_comments() {
        signIn.as("observer-ict");
        long thread = comments.commentOnSuggestion(documentId, suggestion, "Why *newly*?");
        signIn.as("member-ict");
        long again = comments.commentOnSuggestion(documentId, suggestion, "Because it is **new**.");
        signIn.as("secretariat");
        comments.reply(thread, "Fine.");

        SuggestionThreadList list = threads("chair-ict");
        assertThat(list.threads()).containsOnlyKeys(suggestion);
        CommentView view = list.threads().get(suggestion);
        assertThat(view.id()).isEqualTo(thread);
        assertThat(view.quote()).isEqualTo("newly");
        assertThat(view.html()).isEqualTo("<p>Why <em>newly</em>?</p>");
        assertThat(view.replies()).extracting(CommentView.Reply::html)
                .containsExactly("<p>Because it is <strong>new</strong>.</p>", "<p>Fine.</p>");
        assertThat(view.replies().getFirst().id()).isEqualTo(again);
        assertThat(view.from()).isEmpty();
        // not among the comments on the text
        assertThat(comments.list(documentId).comments()).isEmpty();
    }

    @Test
    void people_outside_the_commission_may_neither_write_nor_read_a_suggestions_thread_the_admin_only_reads() {
        signIn.as("observer-ict");
        long thread = comments.commentOnSuggestion(documentId, suggestion, "A question");
        for (String user : List.of("member-fam", "admin")) {
            signIn.as(user);
            assertThatThrownBy(() -> comments.commentOnSuggestion(documentId, suggestion, "Mine too")).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> comments.reply(thread, "Mine too")).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        signIn.as("member-fam");
        assertThatThrownBy(() -> comments.suggestionThreads(documentId)).isInstanceOf(AccessDeniedException.class);
        signIn.as("admin");
        assertThat(comments.suggestionThreads(documentId).mayComment()).as("the administrator reads only").isFalse();
        assertThat(threads("chair-ict").threads().get(suggestion).replies()).isEmpty();
    }

    @Test
    void bad_input_is_refused_with_a_message_and_nothing_changes() {
        signIn.as("member-ict");
        String someoneElses = "999999:" + Long.toString(System.currentTimeMillis(), 36) + ":nope";
        for (String id : List.of(someoneElses, "", "x".repeat(101))) {
            assertThatThrownBy(() -> comments.commentOnSuggestion(documentId, id, "On nothing"))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("comments.suggestion.invalid");
        }
        assertThatThrownBy(() -> comments.commentOnSuggestion(documentId, suggestion, "  "))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("comments.body.required");
        assertThatThrownBy(() -> comments.commentOnSuggestion(documentId, suggestion, "x".repeat(1_000_000)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("comments.body.too-long");
        assertThatThrownBy(() -> comments.commentOnSuggestion(documentId, suggestion, "@member-fam look"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("comments.mention.outside");
        assertThat(threads("chair-ict").threads()).isEmpty();
    }

    @Test
    void a_mention_notifies_and_the_thread_is_delivered_live() throws Exception {
        CompletableFuture<CommentSignal> received = new CompletableFuture<>();
        Subscription s = broadcaster.subscribe(documentId, received::complete);
        try {
            signIn.as("observer-ict");
            long thread = comments.commentOnSuggestion(documentId, suggestion, "@chair-ict please decide");
            assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(new CommentSignal(documentId, thread));
            signIn.as("chair-ict");
            assertThat(notifications.mine(PageRequest.of(0, 1)).getFirst().link())
                    .isEqualTo("documents/" + documentId + "?comment=" + thread);
        } finally {
            s.cancel();
        }
    }

    @Test
    void the_thread_survives_accepting_the_suggestion_as_history_and_a_rejected_ones_too() {
        signIn.as("observer-ict");
        long thread = comments.commentOnSuggestion(documentId, suggestion, "Good idea");
        signIn.as("chair-ict");
        assertThat(suggestions.review(documentId, true, List.of(suggestion), null)).isTrue();
        assertThat(suggestions.list(documentId)).isEmpty();
        SuggestionThreadList after = threads("member-ict");
        assertThat(after.threads().get(suggestion).id()).isEqualTo(thread);
        assertThat(after.threads().get(suggestion).quote()).isEqualTo("newly");
        // a gone suggestion takes no new thread, but its thread still takes replies
        assertThatThrownBy(() -> comments.commentOnSuggestion(documentId, "1:" + Long.toString(1, 36) + ":gone", "Late"))
                .isInstanceOf(UserFacingException.class);
        comments.commentOnSuggestion(documentId, suggestion, "Thanks for accepting");
        assertThat(threads("member-ict").threads().get(suggestion).replies()).hasSize(1);
    }
}
