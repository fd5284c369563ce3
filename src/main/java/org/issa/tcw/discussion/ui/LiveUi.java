package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.UI;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a live update in a UI with the security context its user had when the view attached: the
 * update arrives on a background thread, where Spring Security knows nobody, but the services it
 * calls check the reader's rights as always.
 */
final class LiveUi {

    private LiveUi() {
    }

    /** A copy of the current request's security context, to use later in {@link #access}. */
    static SecurityContext capture() {
        SecurityContext copy = SecurityContextHolder.createEmptyContext();
        copy.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return copy;
    }

    /** Runs {@code action} now, in the given security context. */
    static void runAs(SecurityContext context, Runnable action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void access(UI ui, SecurityContext context, Runnable update) {
        ui.access(() -> runAs(context, update));
    }
}
