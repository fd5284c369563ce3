package org.issa.tcw.documents.ui;

import java.util.function.Function;
import java.util.function.Supplier;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.documents.PushResult;
import org.issa.tcw.documents.RateLimitedException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The answer the browser's editor gets to a push, whichever way it came (Vaadin or the editor's
 * own socket): an acknowledgement, or a translated refusal ({@code fatal}: the editor stops
 * sending; otherwise it tries again after {@code retryAfterMillis}).
 */
record PushAnswer(long seq, boolean rejoin, boolean reconcile, @Nullable String refusal, long retryAfterMillis,
        boolean fatal) {

    /**
     * Runs the push and turns its refusals into answers: {@code message} words a service's refusal,
     * {@code translate} a translation key, both in the person's language.
     */
    static PushAnswer of(Supplier<PushResult> push, Function<UserFacingException, String> message,
            Function<String, String> translate) {
        try {
            PushResult r = push.get();
            return new PushAnswer(r.seq(), r.rejoin(), r.reconcile(), null, 0, false);
        } catch (RateLimitedException e) {
            return new PushAnswer(-1, false, false, message.apply(e), e.retryAfterMillis(), false);
        } catch (UserFacingException e) {
            return new PushAnswer(-1, false, false, message.apply(e), 0, true);
        } catch (AccessDeniedException e) {
            return new PushAnswer(-1, false, false, translate.apply("document.refused.edit"), 0, true);
        }
    }
}
