package org.issa.tcw.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * When a session ends by a logout that did not come from the page itself — Keycloak's back-channel
 * logout (an administrator ended the session, the user signed out elsewhere) or another tab —
 * the UIs still open in that session are sent to the sign-in page over push right away, instead of
 * failing at their next click. Runs before the session is invalidated, and pushes synchronously
 * under the session lock so that nothing is left queued in a session about to disappear.
 */
class OpenUisSignOut implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenUisSignOut.class);

    @Override
    public void logout(HttpServletRequest request, @Nullable HttpServletResponse response,
            @Nullable Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        String target = request.getContextPath() + "/";
        UI current = UI.getCurrent();
        for (String name : Collections.list(session.getAttributeNames())) {
            if (session.getAttribute(name) instanceof VaadinSession vaadinSession) {
                int sent = sendToSignIn(vaadinSession, current, target);
                if (sent > 0) {
                    log.info("Session ended by {}: sent {} open page(s) to sign in", request.getRequestURI(), sent);
                }
            }
        }
    }

    private static int sendToSignIn(VaadinSession session, @Nullable UI current, String target) {
        int sent = 0;
        session.lock();
        try {
            List<UI> uis = List.copyOf(session.getUIs());
            for (UI ui : uis) {
                if (ui == current || ui.isClosing()) {
                    continue;
                }
                ui.getPage().setLocation(target);
                if (ui.getPushConfiguration().getPushMode().isEnabled() && ui.getInternals().getPushConnection() != null
                        && ui.getInternals().getPushConnection().isConnected()) {
                    ui.push();
                }
                sent++;
            }
        } finally {
            session.unlock();
        }
        return sent;
    }
}
