package org.issa.tcw.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link LoginThrottle} to the local login form: a locked sign-in ({@code POST /login})
 * goes back to the sign-in page with {@code ?error=locked} before any password is checked; failed
 * and successful sign-ins are counted from Spring Security's authentication events. Runs after
 * the CSRF check, so a forged cross-site form cannot lock someone out either.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOCKED = "locked";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        if (username != null && throttle.locked(username, request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + "/login?error=" + LOCKED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Counts the failures and successes of the local login (wrong password or unknown user alike). */
    static class Counting {

        private final LoginThrottle throttle;

        Counting(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @EventListener
        void on(AuthenticationFailureBadCredentialsEvent event) {
            String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web
                    && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
            throttle.failed(event.getAuthentication().getName(), address);
        }

        @EventListener
        void on(AuthenticationSuccessEvent event) {
            if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken auth) {
                throttle.succeeded(auth.getName());
            }
        }
    }
}
