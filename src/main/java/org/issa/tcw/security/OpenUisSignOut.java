package org.issa.tcw.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * When a session ends by a logout that did not come from the page itself — Keycloak's back-channel
 * logout (an administrator ended the session, the user signed out elsewhere) or another tab —
 * the UIs still open in that session are sent to the sign-in page over push right away, instead of
 * failing at their next click. Runs before the session is invalidated.
 */
class OpenUisSignOut implements LogoutHandler {

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
                List<UI> uis = uis(vaadinSession);
                for (UI ui : uis) {
                    if (ui != current) {
                        ui.access(() -> ui.getPage().setLocation(target));
                    }
                }
            }
        }
    }

    private static List<UI> uis(VaadinSession session) {
        // getUIs() needs the session lock; take a copy under it
        session.lock();
        try {
            return List.copyOf(session.getUIs());
        } finally {
            session.unlock();
        }
    }
}
