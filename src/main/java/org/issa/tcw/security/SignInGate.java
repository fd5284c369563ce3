package org.issa.tcw.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before sending a browser to Keycloak, checks that Keycloak answers: if not, the sign-in page
 * explains that the sign-in service is unavailable, instead of the browser landing on a
 * connection error (or Spring answering with an error page).
 */
class SignInGate extends OncePerRequestFilter {

    private final KeycloakConnection connection;

    SignInGate(KeycloakConnection connection) {
        this.connection = connection;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/oauth2/authorization/") && !path.startsWith("/login/oauth2/code/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!connection.status().up()) {
            response.sendRedirect(request.getContextPath() + "/login?error=" + SignInFailureHandler.UNAVAILABLE);
            return;
        }
        chain.doFilter(request, response);
    }
}
