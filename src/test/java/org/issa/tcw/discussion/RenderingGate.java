package org.issa.tcw.discussion;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's post rendering, which a test can hold for the post whose text carries a marker
 * ({@link #hold}): {@link ReplyLockTest} keeps one reply in its rendering while another is stored.
 * Renders exactly as {@link PostRendering} otherwise (the primary bean of the tests' context).
 */
@Component
@Primary
public class RenderingGate extends PostRendering {

    /** A held rendering: {@code entered} once the marked post is being rendered, which waits for {@code release}. */
    public record Hold(String marker, CountDownLatch entered, CountDownLatch release) {
    }

    private volatile Hold hold;

    /** Holds the rendering of the next post containing {@code marker} until {@link Hold#release} counts down. */
    public Hold hold(String marker) {
        Hold h = new Hold(marker, new CountDownLatch(1), new CountDownLatch(1));
        hold = h;
        return h;
    }

    /** Lets every rendering through again (and releases a held one). */
    public void open() {
        Hold h = hold;
        hold = null;
        if (h != null) {
            h.release().countDown();
        }
    }

    @Override
    PostMarkdown.Rendered render(String markdown, Map<String, String> members) {
        Hold h = hold;
        if (h != null && markdown.contains(h.marker())) {
            h.entered().countDown();
            try {
                if (!h.release().await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the held rendering was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return super.render(markdown, members);
    }
}
