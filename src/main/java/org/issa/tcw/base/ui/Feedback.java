package org.issa.tcw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.issa.tcw.base.UserFacingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs one user action and tells the user how it went, in their language. A refusal from a
 * service (validation, conflict, still in use, access denied) becomes a message; nothing else is
 * caught here, so real failures reach the global error handler.
 */
public final class Feedback {

    private Feedback() {
    }

    /** Runs the action; returns whether it succeeded (a refusal was shown otherwise). */
    public static boolean run(Component source, Runnable action) {
        try {
            action.run();
            return true;
        } catch (UserFacingException e) {
            error(message(source, e));
        } catch (OptimisticLockingFailureException e) {
            error(source.getTranslation("error.conflict"));
        } catch (AccessDeniedException e) {
            error(source.getTranslation("error.access-denied"));
        }
        return false;
    }

    /** The translated text of a service's refusal; arguments that are field names are translated too. */
    public static String message(Component source, UserFacingException e) {
        return e.translated((key, args) -> source.getTranslation(key, args));
    }

    /**
     * Tells the user why work done in the background failed: a service's refusal as its message,
     * access denied as such; anything else is logged and shown as the translation of {@code failedKey}.
     */
    public static void failure(Component source, Throwable failure, String failedKey, org.slf4j.Logger log) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        if (cause instanceof UserFacingException u) {
            error(message(source, u));
        } else if (cause instanceof AccessDeniedException) {
            error(source.getTranslation("error.access-denied"));
        } else {
            log.error("{} failed", failedKey, cause);
            error(source.getTranslation(failedKey));
        }
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
