package org.issa.tcw.discussion.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.UiPolling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A post written by someone else (another session, on another thread) reaches an open thread page
 * without a reload — and a post whose transaction rolled back never does.
 */
class LiveDeliveryTest extends KaribuTest {

    @Autowired
    DiscussionFixture fixture;
    @Autowired
    DiscussionService discussions;
    @Autowired
    PlatformTransactionManager transactions;

    private void postFromAnotherSession(long thread, String text, boolean rollBack) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                fixture.as("member-ict");
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    discussions.reply(thread, text, null);
                    if (rollBack) {
                        status.setRollbackOnly();
                    }
                });
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                signIn.out();
            }
        });
        other.start();
        other.join();
        assertThat(failure.get()).isNull();
    }

    private boolean waitForCard(long seq, long millis) {
        UiPolling.awaitUi(Duration.ofMillis(millis), () -> hasCard(seq));
        return true;
    }

    private boolean hasCard(long seq) {
        return !_find(Div.class, spec -> spec.withId("post-" + seq)).isEmpty();
    }

    @Test
    void a_new_post_appears_in_another_open_thread_page_without_reload() throws InterruptedException {
        long thread = fixture.thread("chair-ict", "ICT", "Live " + System.nanoTime());
        signInAs("observer-ict");
        navigate("discussions/" + thread);
        assertThat(_find(Div.class, spec -> spec.withId("post-2"))).isEmpty();

        postFromAnotherSession(thread, "Delivered **live**", false);

        assertThat(waitForCard(2, 5000)).isTrue();
        assertThat(_get(Div.class, spec -> spec.withId("post-body-2")).getElement().getProperty("innerHTML"))
                .contains("<strong>live</strong>");
    }

    @Test
    void a_rolled_back_post_is_never_shown() throws InterruptedException {
        long thread = fixture.thread("chair-ict", "ICT", "Rollback " + System.nanoTime());
        signInAs("observer-ict");
        navigate("discussions/" + thread);

        postFromAnotherSession(thread, "Never committed", true);
        UiPolling.assertNeverUi(Duration.ofMillis(700), () -> hasCard(2));

        postFromAnotherSession(thread, "Committed", false);
        assertThat(waitForCard(2, 5000)).as("the next committed post takes sequence number 2").isTrue();
        assertThat(_get(Div.class, spec -> spec.withId("post-body-2")).getElement().getProperty("innerHTML"))
                .isEqualTo("<p>Committed</p>");
    }
}
