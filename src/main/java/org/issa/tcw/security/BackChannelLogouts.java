package org.issa.tcw.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.issa.tcw.cluster.LiveDelivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Keycloak's back-channel logout on any number of nodes (ADR 100). Keycloak posts the logout token
 * to whichever node the load balancer picks; the session may live on another. Spring Security
 * validates the token; this handler then publishes its issuer, subject, session id and audience on
 * the application's {@link LiveDelivery}, and every node (this one included) removes the matching
 * sessions from its registry of OIDC sessions, sends their open pages to the sign-in page and
 * invalidates them. On a single node the message simply comes back to this node.
 */
@Component
class BackChannelLogouts implements LogoutHandler, HttpSessionListener, HttpSessionIdListener {

    private static final Logger log = LoggerFactory.getLogger(BackChannelLogouts.class);

    /** What travels: the claims that identify the sessions, never the token itself. */
    record Logout(String issuer, @Nullable String subject, @Nullable String sessionId, List<String> audience) {
    }

    static final LiveDelivery.Channel<Logout> LOGOUT = new LiveDelivery.Channel<>("security.backchannel-logout",
            Logout.class);
    private static final String EVERY_NODE = "all";
    private static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final OidcSessionRegistry registry = new InMemoryOidcSessionRegistry();
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private final LiveDelivery live;

    BackChannelLogouts(LiveDelivery live) {
        this.live = live;
        live.subscribe(LOGOUT, EVERY_NODE, this::end);
    }

    /** The OIDC sessions signed in on this node (filled by the login, read on a logout). */
    OidcSessionRegistry registry() {
        return registry;
    }

    /** A validated logout token arrived at this node: every node ends its matching sessions. */
    @Override
    public void logout(HttpServletRequest request, @Nullable HttpServletResponse response,
            @Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcLogoutToken token) {
            live.publish(LOGOUT, EVERY_NODE, new Logout(token.getIssuer().toString(), token.getSubject(),
                    token.getSessionId(), List.copyOf(token.getAudience())));
        }
    }

    /** Ends this node's sessions that match a logout (from this node or another). */
    void end(Logout logout) {
        // rebuilt only to ask the registry which sessions match (the real token was checked on arrival)
        OidcLogoutToken.Builder token = OidcLogoutToken.withTokenValue("relayed").issuer(logout.issuer())
                .audience(logout.audience()).jti("relayed").events(Map.of(BACKCHANNEL_LOGOUT_EVENT, Map.of()));
        if (logout.subject() != null) {
            token.subject(logout.subject());
        }
        if (logout.sessionId() != null) {
            token.sessionId(logout.sessionId());
        }
        for (OidcSessionInformation info : registry.removeSessionInformation(token.build())) {
            HttpSession session = sessions.remove(info.getSessionId());
            if (session == null) {
                continue;
            }
            int sent = OpenUisSignOut.sendToSignIn(session, "/");
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // ended meanwhile
            }
            log.info("Back-channel logout of {}: ended its session here, sent {} open page(s) to sign in",
                    info.getPrincipal().getName(), sent);
        }
    }

    /** The session with this id if it lives on this node (for tests). */
    @Nullable HttpSession session(String id) {
        return sessions.get(id);
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        sessions.remove(oldSessionId);
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
        registry.removeSessionInformation(event.getSession().getId());
    }
}
