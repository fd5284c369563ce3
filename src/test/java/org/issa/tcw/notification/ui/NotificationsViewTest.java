package org.issa.tcw.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationsViewTest extends KaribuTest {

    @Autowired
    DiscussionFixture fixture;

    @Test
    void a_mention_shows_in_the_list_with_a_link_and_mark_all_read_clears_it() {
        long thread = fixture.thread("chair-ict", "ICT", "Notify " + System.nanoTime());
        PostView post = fixture.reply("chair-ict", thread, "@member-ict please have a look");
        signInAs("member-ict");
        navigate("notifications");
        Div list = _get(Div.class, spec -> spec.withId("notification-list"));
        Anchor link = _find(Anchor.class).stream()
                .filter(a -> a.getHref().equals("discussions/" + thread + "?post=" + post.seq())).findFirst()
                .orElseThrow();
        assertThat(link.getText()).startsWith("Mariana Costa mentioned you in \"Notify");
        assertThat(list.getElement().getTextRecursively()).contains(link.getText());
        _click(_get(Button.class, spec -> spec.withId("mark-all-notifications-read")));
        assertThat(_find(Div.class, spec -> spec.withClasses("tcw-notification-unread"))).isEmpty();
    }

    @Test
    void the_bell_counts_unread_notifications_live() throws InterruptedException {
        signInAs("member-ict");
        navigate("notifications");
        _click(_get(Button.class, spec -> spec.withId("mark-all-notifications-read")));
        MockVaadin.runUIQueue();
        NotificationBell bell = _get(NotificationBell.class);
        bell.refresh();
        assertThat(bell.shown()).isZero();

        long thread = fixture.thread("chair-ict", "ICT", "Bell " + System.nanoTime());
        Thread other = new Thread(() -> fixture.reply("chair-ict", thread, "@member-ict ping"));
        other.start();
        other.join();
        UiPolling.awaitUi(Duration.ofSeconds(5), () -> bell.shown() > 0);
        assertThat(bell.shown()).isEqualTo(1);
    }

    @Test
    void nobody_sees_anothers_notifications() {
        long thread = fixture.thread("chair-ict", "ICT", "Private " + System.nanoTime());
        fixture.reply("chair-ict", thread, "@member-ict only for you");
        signInAs("observer-ict");
        navigate("notifications");
        assertThat(_get(Div.class, spec -> spec.withId("notification-list")).getElement().getTextRecursively())
                .doesNotContain("Private");
    }

    @Test
    void anonymous_visitor_cannot_open_notifications() {
        navigate("notifications");
        _get(org.issa.tcw.security.ui.LoginView.class);
    }
}
