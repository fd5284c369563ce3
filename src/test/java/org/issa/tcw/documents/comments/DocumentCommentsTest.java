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
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.notification.NotificationRow;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/** Comments on a document: who may see, write, resolve; bad input refused with nothing changed; mentions; live. */
@SpringTest
class DocumentCommentsTest {

    static final String TEXT = "The quick brown fox jumps over the lazy dog.";

    @Autowired
    DocumentComments comments;
    @Autowired
    DocumentService documents;
    @Autowired
    NotificationService notifications;
    @Autowired
    CommentBroadcaster broadcaster;
    @Autowired
    SignIn signIn;
    @Autowired
    ApplicationContext context;

    long documentId;
    List<String> fox;

    @BeforeEach
    void documentWithText() {
        documentId = newDocument("Comments test");
        DocumentFixtures.type(context, documentId, TEXT, false);
        fox = DocumentFixtures.anchor(context, documentId, "brown fox");
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    long newDocument(String title) {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle(title + " " + System.nanoTime());
        long id = documents.create("ICT", form);
        signIn.out();
        return id;
    }

    long commentAs(String user, String body) {
        signIn.as(user);
        try {
            return comments.comment(documentId, fox.get(0), fox.get(1), body);
        } finally {
            signIn.out();
        }
    }

    int count() {
        signIn.as("secretariat");
        try {
            DocumentCommentList list = comments.list(documentId);
            return list.comments().size() + list.comments().stream().mapToInt(c -> c.replies().size()).sum();
        } finally {
            signIn.out();
        }
    }

    @Test
    void every_role_of_the_commission_and_the_secretariat_comment_others_are_refused() {
        for (String user : List.of("chair-ict", "member-ict", "observer-ict", "secretariat")) {
            commentAs(user, "A remark by **" + user + "**");
        }
        signIn.as("observer-ict");
        DocumentCommentList list = comments.list(documentId);
        assertThat(list.comments()).hasSize(4);
        assertThat(list.mayComment()).isTrue();
        assertThat(list.mayReview()).isFalse();
        CommentView first = list.comments().getFirst();
        assertThat(first.quote()).isEqualTo("brown fox");
        assertThat(first.html()).isEqualTo("<p>A remark by <strong>chair-ict</strong></p>");
        assertThat(first.from()).isEqualTo(fox.get(0));

        for (String outsider : List.of("member-fam", "admin")) {
            assertThatThrownBy(() -> commentAs(outsider, "hello")).as(outsider).isInstanceOf(AccessDeniedException.class);
        }
        signIn.as("member-fam");
        assertThatThrownBy(() -> comments.list(documentId)).isInstanceOf(AccessDeniedException.class);
        long id = first.id();
        assertThatThrownBy(() -> comments.reply(id, "hi")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> comments.setResolved(id, true)).isInstanceOf(AccessDeniedException.class);
        signIn.as("admin");
        assertThat(comments.list(documentId).mayComment()).as("the administrator reads but does not comment").isFalse();
        assertThatThrownBy(() -> comments.reply(id, "hi")).isInstanceOf(AccessDeniedException.class);
        assertThat(count()).isEqualTo(4);
    }

    @Test
    void authors_resolve_their_own_reviewers_anyones_and_resolved_comments_keep_their_thread() {
        long id = commentAs("member-ict", "Needs a source");
        signIn.as("chair-ict");
        comments.reply(id, "Agreed");
        signIn.as("observer-ict");
        assertThatThrownBy(() -> comments.setResolved(id, true)).isInstanceOf(AccessDeniedException.class);
        assertThat(comments.list(documentId).comments().getFirst().mayResolve()).isFalse();
        signIn.as("member-ict");
        assertThat(comments.list(documentId).comments().getFirst().mayResolve()).isTrue();
        comments.setResolved(id, true);
        CommentView resolved = comments.list(documentId).comments().getFirst();
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.resolvedBy()).isNotBlank();
        assertThat(resolved.replies()).extracting(CommentView.Reply::html).containsExactly("<p>Agreed</p>");
        comments.setResolved(id, false);
        for (String reviewer : List.of("chair-ict", "secretariat")) {
            signIn.as(reviewer);
            comments.setResolved(id, true);
            assertThat(comments.list(documentId).comments().getFirst().resolved()).as(reviewer).isTrue();
            comments.setResolved(id, false);
        }
        long observers = commentAs("observer-ict", "Mine");
        signIn.as("member-ict");
        assertThatThrownBy(() -> comments.setResolved(observers, true)).isInstanceOf(AccessDeniedException.class);
        signIn.as("observer-ict");
        comments.setResolved(observers, true);
        assertThat(comments.list(documentId).comments()).filteredOn(CommentView::resolved).hasSize(1);
    }

    @Test
    void bad_input_is_refused_with_a_message_and_nothing_changes() {
        commentAs("member-ict", "First");
        signIn.as("member-ict");
        assertRefused(() -> comments.comment(documentId, fox.get(0), fox.get(1), "   "), "comments.body.required");
        assertRefused(() -> comments.comment(documentId, fox.get(0), fox.get(1), "x".repeat(20_001)),
                "comments.body.too-long");
        assertRefused(() -> comments.comment(documentId, fox.get(0), fox.get(1), "x".repeat(1_000_000)),
                "comments.body.too-long");
        assertRefused(() -> comments.comment(documentId, fox.get(0), fox.get(1), "What does @member-fam think?"),
                "comments.mention.outside");
        assertRefused(() -> comments.comment(documentId, "not base64!", fox.get(1), "x"), "comments.anchor.invalid");
        assertRefused(() -> comments.comment(documentId, "AAAA", "AAAA", "x"), "comments.anchor.invalid");
        assertRefused(() -> comments.comment(documentId, fox.get(1), fox.get(0), "backwards"),
                "comments.anchor.invalid");
        assertRefused(() -> comments.comment(documentId, fox.get(0), "x".repeat(5000), "long"),
                "comments.anchor.invalid");
        // an anchor made in another document (same text) does not point into this one
        long other = newDocument("Other");
        DocumentFixtures.type(context, other, TEXT, false);
        List<String> forged = DocumentFixtures.anchor(context, other, "brown fox");
        signIn.as("member-ict");
        assertRefused(() -> comments.comment(documentId, forged.get(0), forged.get(1), "forged"),
                "comments.anchor.invalid");
        long id = comments.list(documentId).comments().getFirst().id();
        assertRefused(() -> comments.reply(id, ""), "comments.body.required");
        assertRefused(() -> comments.reply(id, "cc @nobody-such"), "comments.mention.outside");
        assertThat(count()).isEqualTo(1);
    }

    void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(UserFacingException.class).hasMessageContaining(key);
    }

    @Test
    void a_mention_notifies_with_a_link_to_the_comment_and_code_is_not_a_mention() {
        long id = commentAs("member-ict", "@chair-ict and @secretariat, please check. `@member-fam` is code.");
        signIn.as("chair-ict");
        NotificationRow n = notifications.mine(PageRequest.of(0, 1)).getFirst();
        assertThat(n.link()).isEqualTo("documents/" + documentId + "?comment=" + id);
        assertThat(n.subject()).startsWith("Comments test");
        signIn.as("member-ict");
        assertThat(comments.list(documentId).comments().getFirst().html()).contains("tcw-mention");
        signIn.as("observer-ict");
        comments.reply(id, "@member-ict see above");
        signIn.as("member-ict");
        assertThat(notifications.mine(PageRequest.of(0, 1)).getFirst().link())
                .isEqualTo("documents/" + documentId + "?comment=" + id);
    }

    @Test
    void the_server_resolves_an_anchor_to_its_text_after_later_edits() {
        commentAs("member-ict", "On the fox");
        YjsEngine.AnchorRange before;
        signIn.as("member-ict");
        before = documents.anchorRange(documentId, fox.get(0), fox.get(1));
        assertThat(before.text()).isEqualTo("brown fox");
        // (text typed before and inside ranges, on real replicas: CommentsIT)
        DocumentFixtures.type(context, documentId, "More text", true);
        YjsEngine.AnchorRange after = documents.anchorRange(documentId, fox.get(0), fox.get(1));
        assertThat(after.text()).isEqualTo("brown fox");
        assertThat(after.from()).isEqualTo(before.from());
    }

    @Test
    void deleting_the_first_and_last_character_of_a_range_and_compacting_keeps_the_rest_anchored() {
        commentAs("member-ict", "On the fox");
        signIn.as("member-ict");
        assertThat(documents.anchorRange(documentId, fox.get(0), fox.get(1)).text()).isEqualTo("brown fox");
        // another editor deletes the "x" of "fox" and the "b" of "brown" (TEXT: b at 10, x at 18)
        DocumentFixtures.edit(context, documentId, "[{\"op\":\"delete\",\"path\":[0],\"at\":18,\"len\":1},"
                + "{\"op\":\"delete\",\"path\":[0],\"at\":10,\"len\":1}]");
        assertThat(documents.anchorRange(documentId, fox.get(0), fox.get(1)).text()).isEqualTo("rown fo");
        DocumentFixtures.compact(context, documentId);
        YjsEngine.AnchorRange compacted = documents.anchorRange(documentId, fox.get(0), fox.get(1));
        assertThat(compacted.valid()).isTrue();
        assertThat(compacted.text()).as("still on what is left of its text after compaction").isEqualTo("rown fo");
        // the kept doc of the anchor check follows later edits (only those are sent to the engine)
        DocumentFixtures.edit(context, documentId, "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Now: \"}]");
        YjsEngine.AnchorRange moved = documents.anchorRange(documentId, fox.get(0), fox.get(1));
        assertThat(moved.text()).isEqualTo("rown fo");
        assertThat(moved.from()).isEqualTo(compacted.from() + 5);
        // all of the text deleted: the anchor no longer covers any text (the comment shows as detached)
        DocumentFixtures.edit(context, documentId, "[{\"op\":\"delete\",\"path\":[0],\"at\":15,\"len\":7}]");
        DocumentFixtures.compact(context, documentId);
        YjsEngine.AnchorRange gone = documents.anchorRange(documentId, fox.get(0), fox.get(1));
        assertThat(gone.valid() && !gone.text().isBlank()).isFalse();
    }

    @Test
    void a_comment_whose_paragraph_is_joined_to_the_one_before_is_reanchored_on_its_text_only() {
        String second = "A red kite circles above the field.";
        DocumentFixtures.type(context, documentId, second, true);
        List<String> kite = DocumentFixtures.anchor(context, documentId, "red kite");
        signIn.as("member-ict");
        long id = comments.comment(documentId, kite.get(0), kite.get(1), "On the kite");
        // another "red kite" typed elsewhere: moving a comment that is still anchored is refused
        DocumentFixtures.type(context, documentId, "Another red kite.", true);
        signIn.as("observer-ict");
        assertRefused(() -> comments.reanchor(id, kite.get(0), kite.get(1)), "comments.reanchor.anchored");

        // Backspace at the start of the second paragraph, as y-tiptap sends it: the paragraph is
        // deleted and its text inserted at the end of the first
        DocumentFixtures.edit(context, documentId, "[{\"op\":\"insert\",\"path\":[0],\"at\":" + TEXT.length()
                + ",\"text\":\"" + second + "\"},{\"op\":\"removeBlock\",\"at\":1}]");
        YjsEngine.AnchorRange detached = documents.anchorRange(documentId, kite.get(0), kite.get(1));
        assertThat(detached.valid() && !detached.text().isBlank()).as("the old anchor no longer resolves").isFalse();
        List<String> moved = DocumentFixtures.anchor(context, documentId, "red kite");

        // text mismatch refused, outsiders refused, nothing changed
        signIn.as("observer-ict");
        assertRefused(() -> comments.reanchor(id, fox.get(0), fox.get(1)), "comments.reanchor.text");
        List<String> tooLong = DocumentFixtures.anchor(context, documentId, "red kite circles");
        assertRefused(() -> comments.reanchor(id, tooLong.get(0), tooLong.get(1)), "comments.reanchor.text");
        assertRefused(() -> comments.reanchor(id, "garbage", "garbage"), "comments.reanchor.text");
        for (String outsider : List.of("member-fam", "admin")) {
            signIn.as(outsider);
            assertThatThrownBy(() -> comments.reanchor(id, moved.get(0), moved.get(1))).as(outsider)
                    .isInstanceOf(AccessDeniedException.class);
        }
        signIn.as("observer-ict");
        assertThat(comments.list(documentId).comments()).filteredOn(c -> c.id() == id).singleElement()
                .satisfies(c -> assertThat(c.from()).isEqualTo(kite.get(0)));

        // an observer (who may comment) moves it onto the same text, now in the first paragraph
        comments.reanchor(id, moved.get(0), moved.get(1));
        CommentView after = comments.list(documentId).comments().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow();
        assertThat(after.from()).isEqualTo(moved.get(0));
        assertThat(after.to()).isEqualTo(moved.get(1));
        assertThat(after.quote()).isEqualTo("red kite");
        assertThat(documents.anchorRange(documentId, after.from(), after.to()).text()).isEqualTo("red kite");
        // and once anchored again, it cannot be moved again
        List<String> other = DocumentFixtures.anchor(context, documentId, "Another red kite");
        assertRefused(() -> comments.reanchor(id, other.get(0), other.get(1)), "comments.reanchor.anchored");
    }

    @Test
    void a_comment_across_two_paragraphs_follows_its_words_when_they_are_joined_and_split_again() {
        String second = "A red kite circles above the field.";
        DocumentFixtures.type(context, documentId, second, true);
        List<String> span = DocumentFixtures.anchor(context, documentId, "lazy dog.\nA red kite");
        signIn.as("member-ict");
        long id = comments.comment(documentId, span.get(0), span.get(1), "Across two paragraphs");
        assertThat(view(id).quote()).isEqualTo("lazy dog.\nA red kite");
        // still on its text: refused
        assertRefused(() -> comments.reanchor(id, fox.get(0), fox.get(1)), "comments.reanchor.anchored");

        // Backspace at the start of the second paragraph: its text goes to the end of the first
        DocumentFixtures.edit(context, documentId, "[{\"op\":\"insert\",\"path\":[0],\"at\":" + TEXT.length()
                + ",\"text\":\"" + second + "\"},{\"op\":\"removeBlock\",\"at\":1}]");
        YjsEngine.AnchorRange detached = documents.anchorRange(documentId, span.get(0), span.get(1));
        assertThat(detached.valid() && !detached.text().isBlank()).as("the old anchor no longer resolves").isFalse();
        // the same characters without the paragraph break are the quote; any other text is refused
        signIn.as("observer-ict");
        for (String other : List.of("lazy dog.A red", "dog.A red kite", "lazy dog.A red kite circles")) {
            List<String> wrong = DocumentFixtures.anchor(context, documentId, other);
            assertRefused(() -> comments.reanchor(id, wrong.get(0), wrong.get(1)), "comments.reanchor.text");
        }
        assertThat(view(id).from()).isEqualTo(span.get(0));
        List<String> joined = DocumentFixtures.anchor(context, documentId, "lazy dog.A red kite");
        comments.reanchor(id, joined.get(0), joined.get(1));
        assertThat(view(id).from()).isEqualTo(joined.get(0));
        assertThat(documents.anchorRange(documentId, joined.get(0), joined.get(1)).text()).isEqualTo("lazy dog.A red kite");
        assertThat(view(id).quote()).as("the quote stays what was commented").isEqualTo("lazy dog.\nA red kite");

        // Enter between "dog." and "A": y-tiptap deletes the rest of the paragraph and inserts it as a
        // new one, so the range loses its last character and reads "lazy dog." only (broken)
        DocumentFixtures.edit(context, documentId, "[{\"op\":\"delete\",\"path\":[0],\"at\":" + TEXT.length()
                + ",\"len\":" + second.length() + "},{\"op\":\"block\",\"at\":1,\"text\":\"" + second + "\"}]");
        YjsEngine.AnchorRange split = documents.anchorRange(documentId, joined.get(0), joined.get(1));
        assertThat(split.valid()).isTrue();
        assertThat(split.broken()).isTrue();
        assertThat(split.text()).isEqualTo("lazy dog.");
        List<String> wrong = DocumentFixtures.anchor(context, documentId, "lazy dog.\nA red");
        assertRefused(() -> comments.reanchor(id, wrong.get(0), wrong.get(1)), "comments.reanchor.text");
        signIn.as("member-fam");
        List<String> again = DocumentFixtures.anchor(context, documentId, "lazy dog.\nA red kite");
        assertThatThrownBy(() -> comments.reanchor(id, again.get(0), again.get(1)))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as("observer-ict");
        comments.reanchor(id, again.get(0), again.get(1));
        assertThat(documents.anchorRange(documentId, again.get(0), again.get(1)).text()).isEqualTo("lazy dog.\nA red kite");
        // on its words again, whole: it is not moved any more
        assertRefused(() -> comments.reanchor(id, joined.get(0), joined.get(1)), "comments.reanchor.anchored");
    }

    @Test
    void a_comment_whose_last_character_was_deleted_stays_where_it_is() {
        signIn.as("member-ict");
        long id = comments.comment(documentId, fox.get(0), fox.get(1), "On the fox");
        // "fox" → "fo": the range lost its last character (broken) but its words were not moved
        int x = TEXT.indexOf("fox") + 2;
        DocumentFixtures.edit(context, documentId, "[{\"op\":\"delete\",\"path\":[0],\"at\":" + x + ",\"len\":1}]");
        assertThat(documents.anchorRange(documentId, fox.get(0), fox.get(1)).broken()).isTrue();
        List<String> brown = DocumentFixtures.anchor(context, documentId, "brown fo");
        assertRefused(() -> comments.reanchor(id, brown.get(0), brown.get(1)), "comments.reanchor.text");
        assertThat(view(id).from()).isEqualTo(fox.get(0));
    }

    private CommentView view(long id) {
        return comments.list(documentId).comments().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Test
    void a_committed_comment_is_delivered_live_to_the_documents_subscribers() throws Exception {
        CompletableFuture<CommentSignal> received = new CompletableFuture<>();
        Subscription s = broadcaster.subscribe(documentId, received::complete);
        try {
            long id = commentAs("member-ict", "Live");
            CommentSignal signal = received.get(5, TimeUnit.SECONDS);
            assertThat(signal).isEqualTo(new CommentSignal(documentId, id));
        } finally {
            s.cancel();
        }
    }
}
