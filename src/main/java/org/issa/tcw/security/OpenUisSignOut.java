package org.issa.tcw.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.PushConnection;
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
 * failing at their next click. Runs before the session is invalidated: under the session lock it
 * pushes the redirect and closes each page's push connection once the redirect is written, because
 * the servlet container drops the sockets of an ended session immediately.
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
        int sent = sendToSignIn(session, request.getContextPath() + "/");
        if (sent > 0) {
            log.info("Session ended by {}: sent {} open page(s) to sign in", request.getRequestURI(), sent);
        }
    }

    /**
     * Sends the pages open in the given HTTP session, except the one making the current request,
     * to {@code target}; returns how many. For a session about to be invalidated.
     */
    static int sendToSignIn(HttpSession session, String target) {
        UI current = UI.getCurrent();
        int sent = 0;
        for (String name : Collections.list(session.getAttributeNames())) {
            if (session.getAttribute(name) instanceof VaadinSession vaadinSession) {
                sent += sendToSignIn(vaadinSession, current, target);
            }
        }
        return sent;
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
                PushConnection push = ui.getInternals().getPushConnection();
                if (ui.getPushConfiguration().getPushMode().isEnabled() && push != null && push.isConnected()) {
                    ui.push();
                    // Atmosphere writes the message on its own thread. Disconnecting waits for that
                    // write (up to a second) and then closes the connection cleanly. Left to the
                    // session's end instead, the servlet container closes the socket of the ended
                    // session at once and the message is lost (seen on every loaded run).
                    push.disconnect();
                }
                sent++;
            }
        } finally {
            session.unlock();
        }
        return sent;
    }
}
