package org.issa.tcw.discussion.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The panel other features embed in their project, document and event pages. */
class DiscussionPanelsTest extends KaribuTest {

    @Autowired
    DiscussionFixture fixture;
    @Autowired
    DiscussionPanels panels;

    @Test
    void the_panel_lists_the_threads_of_its_anchor_and_offers_to_start_one() {
        long documentId = fixture.document("ICT").getId();
        var anchor = new org.issa.tcw.discussion.Anchor(AnchorType.DOCUMENT, documentId, "Cloud guideline draft");
        long thread = fixture.thread("chair-ict", "ICT", "About the draft", "Comments welcome", anchor);
        long ict = fixture.commissionId("ICT");
        fixture.as("member-ict");
        UI.getCurrent().add(panels.forAnchor(ict, "ICT", anchor));
        assertThat(_get(Anchor.class, spec -> spec.withId("panel-thread-" + thread)).getHref())
                .isEqualTo("discussions/" + thread);
        assertThat(_get(Anchor.class, spec -> spec.withId("discussion-panel-start")).getHref())
                .startsWith("commissions/ICT/discussions?").contains("anchorType=DOCUMENT")
                .contains("anchorId=" + documentId);
    }

    @Test
    void the_panel_shows_nothing_of_a_commission_one_may_not_read() {
        var anchor = new org.issa.tcw.discussion.Anchor(AnchorType.PROJECT, 5, "Survey");
        long ict = fixture.commissionId("ICT");
        fixture.as("member-fam");
        UI.getCurrent().add(panels.forAnchor(ict, "ICT", anchor));
        assertThat(_find(Anchor.class, spec -> spec.withId("discussion-panel-start"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("discussion-panel"))
                .getElement().getTextRecursively()).contains("visible to the commission's members");
    }

    @Test
    void starting_from_the_panel_opens_the_new_thread_dialog_attached_to_the_anchor() {
        var event = fixture.event();
        fixture.as("member-ict");
        // a label in the URL is ignored: the dialog shows the event's own title
        UI.getCurrent().navigate("commissions/ICT/discussions", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("anchorType", "EVENT", "anchorId", event.getId().toString(), "anchorLabel", "Forged")));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("new-anchor")).getText())
                .isEqualTo("Event: " + event.getTitle());
    }

    @Test
    void a_link_naming_another_commissions_document_opens_no_attached_thread() {
        long ictDocument = fixture.document("ICT").getId();
        fixture.as("member-fam");
        UI.getCurrent().navigate("commissions/FAM/discussions", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("anchorType", "DOCUMENT", "anchorId", Long.toString(ictDocument),
                        "anchorLabel", "Anything")));
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("new-anchor"))).isEmpty();
        assertThat(notifications()).containsExactly(
                "The page that sent you here named something to attach the thread to that cannot be used.");
    }
}
