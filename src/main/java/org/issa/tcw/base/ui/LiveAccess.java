package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Live updates (pushed from a broadcaster's background thread) run in the UI with the security
 * context its user had when the view attached: on that thread Spring Security knows nobody, but the
 * services an update calls check the reader's rights as always. Spring's
 * {@link DelegatingSecurityContextExecutor} sets the context and restores the thread's own after.
 */
public final class LiveAccess {

    private LiveAccess() {
    }

    /** A copy of the current request's security context, to hand to {@link #in} later. */
    public static SecurityContext capture() {
        SecurityContext copy = SecurityContextHolder.createEmptyContext();
        copy.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return copy;
    }

    /** Runs each task in {@code ui} ({@link UI#access}) with {@code context}. */
    public static Executor in(UI ui, SecurityContext context) {
        return new DelegatingSecurityContextExecutor(task -> ui.access(task::run), context);
    }

    /** Runs each task in {@code ui} with the security context the calling thread has now. */
    public static Executor in(UI ui) {
        return in(ui, capture());
    }

    /**
     * Keeps {@code component} subscribed to a live signal while it is attached: on attach,
     * {@code subscribe} is called with a listener that runs {@code refresh} in the component's UI
     * (with the security context of the attach, {@link #in(UI)}); it returns how to cancel the
     * subscription, which happens on detach. E.g.
     * {@code LiveAccess.whileAttached(this, l -> signals.subscribe(id, l)::cancel, this::refresh)}.
     */
    public static void whileAttached(Component component, Function<Runnable, Runnable> subscribe, Runnable refresh) {
        var subscription = new Object() {
            @Nullable Runnable cancel;
        };
        component.addAttachListener(event -> {
            Executor live = in(event.getUI());
            subscription.cancel = subscribe.apply(() -> live.execute(refresh));
        });
        component.addDetachListener(event -> {
            Runnable cancel = subscription.cancel;
            subscription.cancel = null;
            if (cancel != null) {
                cancel.run();
            }
        });
    }
}
