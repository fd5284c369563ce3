package org.issa.tcw.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser security headers of every response, static resources and error pages included
 * (Vaadin's static files bypass Spring Security's filter chain, so its header writer alone would
 * miss them). Rationale per header: docs/security.md and docs/adr/050-content-security-policy.md.
 * <ul>
 * <li>{@code Content-Security-Policy}: only this origin loads scripts, styles, images, fonts and
 * connections; no plugins, no framing, forms post only here. Vaadin Flow itself needs
 * {@code 'unsafe-inline'} and {@code 'unsafe-eval'} for scripts and inline styles.</li>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (document and
 * thread ids stay in the application), {@code Permissions-Policy} denying devices the workspace
 * never uses.</li>
 * <li>{@code Cache-Control: no-store} on everything but versioned static resources: pages carry the
 * session's CSRF token and personal data; shared caches must not keep them.</li>
 * <li>{@code Strict-Transport-Security} when enabled ({@code prod}) and the request came over HTTPS
 * (as seen through a trusted proxy's forwarded headers).</li>
 * </ul>
 */
class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** Versioned or public static files: their caching is left to Vaadin and Spring. */
    private static final List<String> STATIC = List.of("/VAADIN/build/", "/VAADIN/static/", "/images/", "/icons/",
            "/fonts/", "/favicon.ico");

    private final boolean hsts;

    SecurityHeaders(boolean hsts) {
        this.hsts = hsts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (hsts && request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (STATIC.stream().noneMatch(path::startsWith)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        chain.doFilter(request, response);
    }
}
