package org.issa.tcw.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Remembers the signed-in person for the duration of one HTTP request, so that the dozens of
 * {@link CurrentUser#get()} calls of one Vaadin request (views, services, permission checks) look
 * the person up once instead of once each (ADR 113: 3.5 % of the server's CPU under load).
 *
 * <p>Only for the request: the next request looks the person up again, so a changed role,
 * membership, name or language is seen from the next click on. Only on the request's own thread and
 * only while it runs: background threads, push messages arriving over the WebSocket (not an HTTP
 * request), scheduled jobs and tests that call services directly have no request here and look the
 * person up on every call, as before. The entry is keyed by the {@link Authentication} itself, so a
 * sign-in or sign-out within the request is never answered with another person.
 * <p>
 * The same scope keeps what {@link CurrentUser#remembered} is asked to remember for the person (their
 * role in a commission, ADR 118): forgotten at the end of the request, on a change of person, and
 * when the request itself changes it ({@link CurrentUser#forgetRemembered()}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SignedInPersonPerRequest extends OncePerRequestFilter {

    private static final ThreadLocal<Entry> CURRENT = new ThreadLocal<>();

    /** The person looked up for one authentication, during one request. */
    static final class Entry {
        private @Nullable Authentication authentication;
        private @Nullable SignedInUser user;

        @Nullable SignedInUser get(Authentication auth) {
            return auth == authentication ? user : null;
        }

        void put(Authentication auth, SignedInUser signedIn) {
            authentication = auth;
            user = signedIn;
        }

        /** What this unit of work remembered for the person of {@code auth} (another person's is dropped). */
        private @Nullable Authentication rememberedFor;
        private final java.util.Map<Object, Object> remembered = new java.util.HashMap<>();

        java.util.Map<Object, Object> remembered(Authentication auth) {
            if (auth != rememberedFor) {
                remembered.clear();
                rememberedFor = auth;
            }
            return remembered;
        }

        void forget() {
            remembered.clear();
        }
    }

    /**
     * Runs work as if it were one request: the person is looked up at most once (a message that
     * arrives on a WebSocket of the application's own, which is not an HTTP request). Within a
     * request, the request's entry is used.
     */
    static <T> T during(java.util.function.Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        CURRENT.set(new Entry());
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** This thread's request entry, or null off a request. */
    static @Nullable Entry current() {
        return CURRENT.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CURRENT.get() != null) {
            chain.doFilter(request, response);
            return;
        }
        CURRENT.set(new Entry());
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
