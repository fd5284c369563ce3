package org.issa.tcw.testsupport;

import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for what another thread pushes into a browserless (Karibu) page: the UI's access queue
 * is run on every poll, so a {@code UI.access} from a broadcaster lands, and the wait ends as
 * soon as the condition holds (Awaitility) instead of after a fixed sleep.
 */
public final class UiPolling {

    private static final Duration POLL = Duration.ofMillis(20);

    private UiPolling() {
    }

    /** Waits until {@code condition} holds, failing after {@code atMost}. */
    public static void awaitUi(Duration atMost, BooleanSupplier condition) {
        await().atMost(atMost).pollInterval(POLL).pollInSameThread().until(() -> {
            MockVaadin.runUIQueue();
            return condition.getAsBoolean();
        });
    }

    /** Fails as soon as {@code condition} holds within {@code during} (nothing must arrive). */
    public static void assertNeverUi(Duration during, BooleanSupplier condition) {
        await().during(during).atMost(during.plusSeconds(2)).pollInterval(POLL).pollInSameThread().until(() -> {
            MockVaadin.runUIQueue();
            return !condition.getAsBoolean();
        });
    }
}
