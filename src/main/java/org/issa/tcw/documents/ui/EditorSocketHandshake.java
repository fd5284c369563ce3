package org.issa.tcw.documents.ui;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The editors' socket opens only for a signed-in person with an HTTP session (ADR 117): the
 * upgrade request went through Spring Security's filter chain like every other request (an
 * anonymous one was sent to the sign-in page and never reaches this), and this keeps the
 * authentication and the session's id for the socket's messages. That the request came from a
 * page of this origin is checked before, by Spring's origin check (same origin only).
 */
final class EditorSocketHandshake implements HandshakeInterceptor {

    static final String AUTHENTICATION = "tcw.authentication";
    static final String HTTP_SESSION = "tcw.httpSession";

    private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request instanceof ServletServerHttpRequest servlet
                ? servlet.getServletRequest().getSession(false) : null;
        if (authentication == null || !authentication.isAuthenticated() || TRUST.isAnonymous(authentication)
                || session == null) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(AUTHENTICATION, authentication);
        attributes.put(HTTP_SESSION, session.getId());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            @Nullable Exception exception) {
        // nothing to do
    }
}
