package org.issa.tcw.security;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.issa.tcw.security.ui.LoginView;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * When someone signs in, the sign-in pages ({@link LoginView}) open in their HTTP session are closed
 * on the server at once (ADR 116). The sign-in page is left by a full page load — the form's POST
 * to {@code /login}, or the way to Keycloak and back — and Vaadin's unload beacon, which would close
 * its UI, was not reliable here (a measured run still counted 7 of 12 sign-in UIs); a UI whose beacon is
 * lost stays until it has missed three heartbeats. Runs in Spring Security's sign-in step (for the local form
 * and for single sign-on alike) before the session id changes; the closed UIs are removed by Vaadin
 * at the end of the next request of the session, i.e. the page the sign-in leads to.
 */
final class SignInPagesRelease implements SessionAuthenticationStrategy {

    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            for (VaadinSession vaadinSession : VaadinSession.getAllSessions(session)) {
                close(vaadinSession);
            }
        } catch (IllegalStateException invalidated) {
            // the session ended meanwhile: nothing left to close
        }
    }

    /** Closes the UIs of {@code session} that show the sign-in page; returns how many. */
    static int close(VaadinSession session) {
        int closed = 0;
        session.lock();
        try {
            for (UI ui : List.copyOf(session.getUIs())) {
                List<HasElement> chain = ui.getActiveRouterTargetsChain();
                if (!ui.isClosing() && !chain.isEmpty() && chain.getFirst() instanceof LoginView) {
                    ui.close();
                    closed++;
                }
            }
        } finally {
            session.unlock();
        }
        return closed;
    }
}
