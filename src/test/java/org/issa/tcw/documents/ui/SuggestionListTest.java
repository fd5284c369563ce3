package org.issa.tcw.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.security.CurrentUser;
import java.time.Duration;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The suggestion list beside the editor: a reviewer gets accept / reject (one, all of a person,
 * all) and the suggest-only settings; a member gets neither, only "withdraw" on their own.
 */
class SuggestionListTest extends KaribuTest {

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration collaboration;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    YjsEngine engine;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    org.issa.tcw.documents.comments.DocumentComments comments;
    @Autowired
    org.issa.tcw.notification.NotificationService notifications;

    /** A document with one suggestion by member-ict, stored through the server's own change path. */
    long documentWithASuggestion() {
        signIn.as("chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Review " + System.nanoTime());
        long id = documents.create("ICT", form);
        signIn.as("member-ict");
        String suggestion = currentUser.require().personId() + ":mf00:ui1";
        collaboration.change(id, org.issa.tcw.commission.CommissionAction.EDIT_DRAFT, log -> engine.edit(log,
                "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Proposed\",\"attrs\":{\"insertion\":{\"id\":\""
                        + suggestion + "\"}}}]").join());
        return id;
    }

    /** The list is read off the request thread: waits until its reading was shown. */
    static void awaitList() {
        contentPainted(); // (the list is shown only after the browser painted the content)
        SuggestionList list = _get(SuggestionList.class);
        UiPolling.awaitUi(Duration.ofSeconds(60), list::settled);
    }

    @Test
    void a_reading_that_arrives_before_the_content_is_painted_waits_for_it() throws Exception {
        long id = documentWithASuggestion();
        signInAs("chair-ict");
        navigate("documents/" + id);
        SuggestionList list = _get(SuggestionList.class);
        list.running.get(60, java.util.concurrent.TimeUnit.SECONDS);
        com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue();
        assertThat(list.settled()).as("read, but kept until the content is on the screen").isFalse();
        assertThat(_find(Button.class, spec -> spec.withId("suggestion-accept-0"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("suggestions-loading")).isVisible())
                .isTrue();
        awaitList(); // the browser painted the content
        assertThat(_find(Button.class, spec -> spec.withId("suggestion-accept-0"))).hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("suggestions-loading")))
                .as("hidden (only visible components are found)").isEmpty();
    }

    @Test
    void a_reviewer_accepts_from_the_list_and_sees_the_settings() {
        long id = documentWithASuggestion();
        signInAs("chair-ict");
        navigate("documents/" + id);
        awaitList();
        assertThat(_find(Button.class, spec -> spec.withId("suggest-only-settings"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("suggestion-reject-all"))).hasSize(1);
        _click(_get(Button.class, spec -> spec.withId("suggestion-accept-0")));
        awaitList();
        assertThat(suggestions.list(id)).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("suggestions-empty")))
                .hasSize(1);
        assertThat(engine.xml(collaboration.read(id, log -> log)).join()).isEqualTo("<paragraph>Proposed</paragraph>");
    }

    @Test
    void a_member_may_only_withdraw_their_own() {
        long id = documentWithASuggestion();
        signInAs("member-ict");
        navigate("documents/" + id);
        awaitList();
        assertThat(_find(Button.class, spec -> spec.withId("suggest-only-settings"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("suggestion-accept-0"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("suggestion-accept-all"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("suggestion-withdraw-0")));
        awaitList();
        assertThat(suggestions.list(id)).isEmpty();
        assertThat(engine.xml(collaboration.read(id, log -> log)).join()).isEqualTo("<paragraph></paragraph>");
    }

    @Test
    void an_observer_comments_on_a_suggestion_in_the_list_and_the_thread_stays_after_acceptance() {
        long id = documentWithASuggestion();
        signInAs("observer-ict");
        navigate("documents/" + id);
        awaitList();
        _click(_get(Button.class, spec -> spec.withId("suggestion-0-thread-open")));
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(
                _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("suggestion-0-thread-body")),
                "Why **proposed**?");
        _click(_get(Button.class, spec -> spec.withId("suggestion-0-thread-send")));
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("suggestion-0-thread"))
                .getElement().toString()).contains("<strong>proposed</strong>");
        assertThat(_find(Button.class, spec -> spec.withId("suggestion-accept-0"))).as("observers do not review").isEmpty();

        signInAs("chair-ict");
        navigate("documents/" + id);
        awaitList();
        _click(_get(Button.class, spec -> spec.withId("suggestion-accept-0")));
        awaitList();
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("suggestion-history"))
                .getElement().toString()).contains("Proposed").contains("<strong>proposed</strong>");
    }

    @Test
    void a_mention_in_a_suggestions_thread_opens_the_document_with_that_suggestions_card_selected() {
        long id = documentWithASuggestion(); // member-ict's, then one of the chair's before it
        String chairs = chairSuggestsFirst(id);
        signInAs("observer-ict");
        String members = suggestions.list(id).stream().filter(s -> !s.id().equals(chairs)).findFirst().orElseThrow().id();
        comments.commentOnSuggestion(id, members, "@chair-ict is **proposed** right?");

        signInAs("chair-ict");
        String link = notifications.mine(org.springframework.data.domain.PageRequest.of(0, 1)).getFirst().link();
        assertThat(link).contains("?comment=");
        assertOpensSelected(link, chairs, members);

        navigate("documents/" + id);
        awaitList();
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("tcw-suggestion-item")))
                .as("without a link nothing is selected").noneMatch(c -> c.getElement().getClassList().contains("active"));
    }

    @Test
    void a_suggestion_emails_link_opens_the_document_with_that_suggestions_card_selected() {
        long id = documentWithASuggestion();
        String chairs = chairSuggestsFirst(id);
        String members = suggestions.list(id).stream().filter(s -> !s.id().equals(chairs)).findFirst().orElseThrow().id();
        String link = new org.issa.tcw.documents.suggestions.SuggestionAdded(id, 1, members, 1, "", "", "").link();
        assertThat(link).contains("?suggestion=");
        assertOpensSelected(link, chairs, members);
    }

    /** The chair suggests an insertion before member-ict's; returns its id. */
    private String chairSuggestsFirst(long id) {
        signInAs("chair-ict");
        String chairs = currentUser.require().personId() + ":mf01:ui2";
        collaboration.change(id, org.issa.tcw.commission.CommissionAction.EDIT_DRAFT, log -> engine.edit(log,
                "[{\"op\":\"insert\",\"path\":[0],\"at\":0,\"text\":\"Chair \",\"attrs\":{\"insertion\":{\"id\":\""
                        + chairs + "\"}}}]").join());
        return chairs;
    }

    /** Following the link (as the signed-in person) selects the second card, the one of {@code selected}. */
    private void assertOpensSelected(String link, String first, String selected) {
        com.vaadin.flow.component.UI.getCurrent().navigate(link.substring(0, link.indexOf('?')),
                com.vaadin.flow.router.QueryParameters.fromString(link.substring(link.indexOf('?') + 1)));
        awaitList();
        var cards = _find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("tcw-suggestion-item"));
        assertThat(cards).extracting(c -> c.getElement().getAttribute("data-suggestion-id")).containsExactly(first, selected);
        assertThat(cards.get(1).getElement().getClassList()).contains("active");
        assertThat(cards.get(1).getElement().getAttribute("aria-current")).isEqualTo("true");
        assertThat(cards.get(0).getElement().getClassList()).doesNotContain("active");
    }
}
