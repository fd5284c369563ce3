package org.issa.tcw.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.issa.tcw.base.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The global error handler: the user sees a short message with a reference, the log gets the
 * detail under the same reference. Refusals that escaped a view are shown as the refusal they are.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ErrorHandling::handle));
    }

    static void handle(ErrorEvent event) {
        Throwable error = rootCause(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("Unhandled error outside a UI", event.getThrowable());
            return;
        }
        if (error instanceof UserFacingException e) {
            ui.access(() -> Feedback.error(Feedback.message(ui, e)));
        } else if (error instanceof OptimisticLockingFailureException) {
            ui.access(() -> Feedback.error(ui.getTranslation("error.conflict")));
        } else if (error instanceof AccessDeniedException) {
            ui.access(() -> Feedback.error(ui.getTranslation("error.access-denied")));
        } else {
            String reference = reference();
            log.error("Unhandled error, reference {}", reference, event.getThrowable());
            ui.access(() -> Feedback.error(ui.getTranslation("error.unexpected", reference)));
        }
    }

    static String reference() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof UserFacingException)) {
            current = current.getCause();
        }
        return current;
    }
}
