package org.issa.tcw.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import org.issa.tcw.cluster.LiveSubscriptions;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A closed tab gives back what its page held in the application-wide registries (ADR 112): every
 * live subscription (the bell, the thread, the document's comments, versions, consultation and
 * suggestion panels) and its place in the document's co-editing room. A subscription left behind
 * would keep the whole closed UI reachable, with its components, until the node restarts. The tab
 * is closed as Vaadin closes it when the browser's unload beacon arrives: {@code UI.close()}, then
 * the UI is removed from its session, which detaches it.
 */
class ClosedPagesReleaseTest extends KaribuTest {

    @Autowired
    DiscussionFixture fixture;
    @Autowired
    DocumentCollaboration collaboration;
    @Autowired
    EditorSockets sockets;

    private int subscriptions() {
        return LiveSubscriptions.count(context);
    }

    private static void closeTab() {
        UI ui = UI.getCurrent();
        ui.close();
        ui.getSession().removeUI(ui);
    }

    @Test
    void a_closed_document_tab_releases_its_subscriptions_and_leaves_the_room() {
        long document = fixture.document("ICT").getId();
        int before = subscriptions();
        signInAs("member-ict");
        int editorsBefore = collaboration.openEditors(document);
        int tokensBefore = sockets.size();
        navigate("documents/" + document);
        contentPainted(); // the History, consultation and discussion panels are built after it (ADR 092)
        _get(CollaborativeEditor.class).join();
        assertThat(collaboration.openEditors(document)).isEqualTo(editorsBefore + 1);
        assertThat(subscriptions()).as("the bell and the document's panels listen").isGreaterThan(before + 1);
        assertThat(sockets.size()).as("the editor's socket token (ADR 117)").isEqualTo(tokensBefore + 1);
        assertThat(_get(CollaborativeEditor.class).getElement().getProperty("socketToken")).isNotBlank();

        closeTab();

        assertThat(subscriptions()).isEqualTo(before);
        assertThat(collaboration.openEditors(document)).isEqualTo(editorsBefore);
        assertThat(sockets.size()).as("the token is revoked with the editor").isEqualTo(tokensBefore);
    }

    @Test
    void a_closed_thread_tab_releases_its_subscriptions() {
        long thread = fixture.thread("chair-ict", "ICT", "Closed tab " + System.nanoTime());
        int before = subscriptions();
        signInAs("observer-ict");
        navigate("discussions/" + thread);
        assertThat(subscriptions()).isGreaterThan(before);

        closeTab();

        assertThat(subscriptions()).isEqualTo(before);
    }

    @Test
    void moving_between_pages_does_not_pile_up_subscriptions() {
        long thread = fixture.thread("chair-ict", "ICT", "Moving " + System.nanoTime());
        long document = fixture.document("ICT").getId();
        int before = subscriptions();
        signInAs("member-ict");
        navigate("");
        int onHome = subscriptions();
        assertThat(onHome).as("the bell listens").isGreaterThan(before);
        for (int round = 0; round < 3; round++) {
            navigate("discussions/" + thread);
            navigate("documents/" + document);
            contentPainted();
            navigate("commissions/ICT/discussions");
            navigate("");
            assertThat(subscriptions()).as("round %d", round).isEqualTo(onHome);
        }

        closeTab();

        assertThat(subscriptions()).isEqualTo(before);
    }
}
