package org.issa.tcw.discussion.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import org.issa.tcw.base.ui.AccessDeniedView;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ThreadViewTest extends KaribuTest {

    @Autowired
    DiscussionFixture fixture;
    @Autowired
    DiscussionService discussions;

    long thread;

    @BeforeEach
    void createThread() {
        thread = fixture.thread("chair-ict", "ICT", "Thread view " + System.nanoTime(),
                "Opening post with **bold** text", null);
        NotificationsKt.clearNotifications();
    }

    private void awaitCard(long seq) {
        UiPolling.awaitUi(Duration.ofSeconds(10), () -> !_find(Div.class, spec -> spec.withId("post-" + seq)).isEmpty());
        card(seq);
    }

    private Div card(long seq) {
        return _get(Div.class, spec -> spec.withId("post-" + seq));
    }

    @Test
    void member_reads_the_thread_and_replies_in_markdown() {
        signInAs("member-ict");
        navigate("discussions/" + thread);
        assertThat(_get(H2.class, spec -> spec.withId("thread-title")).getText()).startsWith("Thread view");
        assertThat(_get(Div.class, spec -> spec.withId("post-body-1")).getElement().getProperty("innerHTML"))
                .contains("<strong>bold</strong>");
        _setValue(_get(TextArea.class, spec -> spec.withId("body")), "A *reply* from David");
        _click(_get(Button.class, spec -> spec.withId("send")));
        assertThat(_get(Div.class, spec -> spec.withId("post-body-2")).getElement().getProperty("innerHTML"))
                .contains("<em>reply</em>");
        assertThat(_get(TextArea.class, spec -> spec.withId("body")).getValue()).isEmpty();
    }

    @Test
    void an_empty_reply_is_refused_with_a_message_and_nothing_is_posted() {
        signInAs("member-ict");
        navigate("discussions/" + thread);
        _click(_get(Button.class, spec -> spec.withId("send")));
        NotificationsKt.expectNotifications("Post is required.");
        assertThat(_find(Div.class, spec -> spec.withId("post-2"))).isEmpty();
    }

    @Test
    void member_of_another_commission_cannot_open_an_ict_thread() {
        signInAs("member-fam");
        navigate("discussions/" + thread);
        _get(AccessDeniedView.class);
        assertThat(_find(H2.class, spec -> spec.withId("thread-title"))).isEmpty();
    }

    @Test
    void an_unknown_thread_is_refused_like_a_forbidden_one() {
        signInAs("member-ict");
        navigate("discussions/999999999");
        _get(AccessDeniedView.class);
    }

    @Test
    void observer_can_post_but_gets_no_moderation_tools() {
        signInAs("observer-ict");
        navigate("discussions/" + thread);
        assertThat(_find(Button.class, spec -> spec.withId("pin"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("lock"))).isEmpty();
        assertThat(_find(NativeButton.class, spec -> spec.withId("hide-1"))).isEmpty();
        _setValue(_get(TextArea.class, spec -> spec.withId("body")), "An observer's view");
        _click(_get(Button.class, spec -> spec.withId("send")));
        card(2);
    }

    @Test
    void chair_pins_locks_and_hides_a_post_with_a_reason() {
        PostView reply = fixture.reply("member-ict", thread, "Something off topic");
        signInAs("chair-ict");
        navigate("discussions/" + thread);
        _click(_get(Button.class, spec -> spec.withId("pin")));
        _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("pinned-badge"));
        _click(_get(NativeButton.class, spec -> spec.withId("hide-" + reply.seq())));
        _click(_get(Button.class, spec -> spec.withId("hide-confirm")));
        NotificationsKt.expectNotifications("Reason (shown to readers) is required.");
        _setValue(_get(TextField.class, spec -> spec.withId("hide-reason")), "Off topic");
        _click(_get(Button.class, spec -> spec.withId("hide-confirm")));
        assertThat(_get(Div.class, spec -> spec.withId("hidden-note-" + reply.seq())).getElement()
                .getTextRecursively())
                .contains("Off topic");
        _click(_get(Button.class, spec -> spec.withId("lock")));
        _get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("locked-note"));
        assertThat(_find(Button.class, spec -> spec.withId("send"))).isEmpty();
    }

    @Test
    void preview_shows_the_sanitized_rendering() {
        signInAs("member-ict");
        navigate("discussions/" + thread);
        _setValue(_get(TextArea.class, spec -> spec.withId("body")), "# Title\n<script>alert(1)</script>");
        _click(_get(Button.class, spec -> spec.withId("tab-preview")));
        String html = _get(Div.class, spec -> spec.withId("preview")).getElement().getProperty("innerHTML");
        assertThat(html).contains("<h1>Title</h1>").doesNotContain("<script");
    }

    @Test
    void typing_at_offers_the_commissions_members_and_completes_the_mention() {
        signInAs("chair-ict");
        navigate("discussions/" + thread);
        TextArea body = _get(TextArea.class, spec -> spec.withId("body"));
        _setValue(body, "Please review, @Dav");
        _click(_get(Button.class, spec -> spec.withId("mention-member-ict")));
        assertThat(body.getValue()).isEqualTo("Please review, @member-ict ");
        _setValue(body, "And @jonas");
        assertThat(_find(Button.class, spec -> spec.withId("mention-member-fam"))).as("not an ICT member").isEmpty();
    }

    @Test
    void typing_at_also_offers_the_secretariat_marked_as_such() {
        signInAs("member-ict");
        navigate("discussions/" + thread);
        TextArea body = _get(TextArea.class, spec -> spec.withId("body"));
        _setValue(body, "Can the @secr");
        Button option = _get(Button.class, spec -> spec.withId("mention-secretariat"));
        assertThat(option.getText()).contains("(@secretariat)").endsWith(" · Secretariat");
        _click(option);
        assertThat(body.getValue()).isEqualTo("Can the @secretariat ");
        _setValue(body, "Dear @Dav");
        assertThat(_get(Button.class, spec -> spec.withId("mention-member-ict")).getText())
                .as("a member is not marked").doesNotContain("·");
    }

    @Test
    void quote_reply_puts_the_quoted_post_in_the_composer_and_links_the_reply() {
        signInAs("member-ict");
        navigate("discussions/" + thread);
        _click(_get(NativeButton.class, spec -> spec.withId("quote-1")));
        TextArea body = _get(TextArea.class, spec -> spec.withId("body"));
        assertThat(body.getValue()).startsWith("> **Mariana Costa**").contains("> Opening post with **bold** text");
        _setValue(body, body.getValue() + "I agree.");
        _click(_get(Button.class, spec -> spec.withId("send")));
        assertThat(card(2).getElement().getTextRecursively()).contains("in reply to #1 by Mariana Costa");
        assertThat(_get(Div.class, spec -> spec.withId("post-body-2")).getElement().getProperty("innerHTML"))
                .contains("<blockquote>");
    }

    @Test
    void author_edits_and_deletes_her_post_and_moderators_see_the_history() {
        PostView reply = fixture.reply("member-ict", thread, "First words");
        signInAs("member-ict");
        navigate("discussions/" + thread);
        _click(_get(NativeButton.class, spec -> spec.withId("edit-" + reply.seq())));
        _setValue(_get(TextArea.class, spec -> spec.withId("edit-body")), "Better words");
        _click(_get(Button.class, spec -> spec.withId("edit-save")));
        _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("edited-" + reply.seq()));
        assertThat(_find(NativeButton.class, spec -> spec.withId("edit-1"))).as("not her post").isEmpty();

        signInAs("chair-ict");
        navigate("discussions/" + thread);
        _click(_get(NativeButton.class, spec -> spec.withId("history-" + reply.seq())));
        assertThat(_get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("history-dialog"))
                .getElement().getTextRecursively()).contains("First words");

        signInAs("member-ict");
        navigate("discussions/" + thread);
        _click(_get(NativeButton.class, spec -> spec.withId("delete-" + reply.seq())));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_get(Div.class, spec -> spec.withId("post-body-" + reply.seq())).getText())
                .isEqualTo("Post removed by its author.");
    }

    @Test
    void reacting_counts_the_reaction_on_the_post() {
        signInAs("observer-ict");
        navigate("discussions/" + thread);
        assertThat(_find(NativeButton.class, spec -> spec.withId("react-1-HEART"))).isEmpty(); // quiet: counts only
        _click(_get(NativeButton.class, spec -> spec.withId("react-add-1")));
        _click(_get(NativeButton.class, spec -> spec.withId("react-pick-1-HEART")));
        assertThat(_find(NativeButton.class, spec -> spec.withId("react-pick-1-HEART"))).isEmpty(); // picker closed
        assertThat(_get(NativeButton.class, spec -> spec.withId("react-1-HEART")).getElement().getAttribute("aria-label"))
                .isEqualTo("Heart: 1");
        assertThat(_get(NativeButton.class, spec -> spec.withId("react-1-HEART")).getText()).endsWith(" 1");
    }

    @Test
    void a_long_thread_opens_with_one_page_at_the_first_unread_post() throws InterruptedException {
        for (int i = 2; i <= 80; i++) {
            fixture.reply(i % 2 == 0 ? "chair-ict" : "member-ict", thread, "Post number " + i);
        }
        signInAs("observer-ict");
        navigate("discussions/" + thread);
        assertThat(_find(Div.class, spec -> spec.withClasses("tcw-post"))).as("first response")
                .hasSize(ThreadView.FIRST);
        card(1);
        // the browser asks for the rest of the page once it has painted the first posts
        _get(ThreadView.class).showRestOfPage();
        assertThat(_find(Div.class, spec -> spec.withClasses("tcw-post"))).hasSize(ThreadView.PAGE);
        assertThat(_find(Div.class, spec -> spec.withClasses("tcw-post")).stream().map(Div::getId)
                .map(java.util.Optional::orElseThrow).toList()).as("in order").startsWith("post-1", "post-2")
                .endsWith("post-" + ThreadView.PAGE);
        _click(_get(Button.class, spec -> spec.withId("load-later")));
        assertThat(_find(Div.class, spec -> spec.withClasses("tcw-post"))).hasSize(2 * ThreadView.PAGE);

        // Opened again: the first unread post is the one after what was shown.
        navigate("discussions/" + thread);
        card(2 * ThreadView.PAGE + 1);
        assertThat(_find(Div.class, spec -> spec.withId("post-" + (2 * ThreadView.PAGE - 9)))).as("sent after")
                .isEmpty();
        // a live post at the end first attaches the rest of the page, in order
        // written in another session (thread), as a live post arrives
        Thread writer = new Thread(() -> fixture.reply("chair-ict", thread, "Live post"));
        writer.start();
        writer.join();
        awaitCard(81);
        assertThat(_find(Div.class, spec -> spec.withClasses("tcw-post")).stream().map(Div::getId)
                .map(java.util.Optional::orElseThrow).toList()).as("in order")
                .startsWith("post-" + (2 * ThreadView.PAGE - 9)).endsWith("post-80", "post-81");
        assertThat(_find(Div.class, spec -> spec.withId("post-1"))).isEmpty();
        card(2 * ThreadView.PAGE - 9);
        _click(_get(Button.class, spec -> spec.withId("load-earlier")));
        card(2 * ThreadView.PAGE - 9 - ThreadView.PAGE);
    }
}
