package org.issa.tcw.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The one way to ask who is signed in, used by services and views alike. It reads Spring
 * Security's context, so it answers the same for the local demo login, an OIDC login and the
 * security context a test sets up. The person record is looked up once per HTTP request
 * ({@link SignedInPersonPerRequest}); off a request (background threads, push messages over the
 * WebSocket, jobs) on every call.
 */
@Component
public class CurrentUser {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final PersonDirectory directory;

    CurrentUser(PersonDirectory directory) {
        this.directory = directory;
    }

    /**
     * Runs work in which the person is looked up at most once, as within one HTTP request: for
     * messages that arrive on a WebSocket of the application's own (the co-editor's, ADR 117), so
     * that one costs what the same call over Vaadin's request costs.
     */
    public <T> T asOneRequest(java.util.function.Supplier<T> work) {
        return SignedInPersonPerRequest.during(work);
    }

    /**
     * A value about the signed-in person remembered for the rest of this request (or socket message,
     * {@link #asOneRequest}): {@code compute} runs once per key there, and at every call elsewhere
     * (background threads, jobs, tests without a request) and for nobody signed in. The next request
     * computes it again, so a change made by anyone else is seen from the next request on; one made
     * within the request must call {@link #forgetRemembered()}.
     */
    @SuppressWarnings("unchecked")
    public <T> T remembered(Object key, java.util.function.Supplier<T> compute) {
        SignedInPersonPerRequest.Entry request = SignedInPersonPerRequest.current();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (request == null || auth == null) {
            return compute.get();
        }
        java.util.Map<Object, Object> values = request.remembered(auth);
        Object known = values.get(key);
        if (known == null) {
            known = compute.get();
            values.put(key, known);
        }
        return (T) known;
    }

    /** Forgets what this request remembered ({@link #remembered}): something it was computed from changed. */
    public void forgetRemembered() {
        SignedInPersonPerRequest.Entry request = SignedInPersonPerRequest.current();
        if (request != null) {
            request.forget();
        }
    }

    /** The signed-in user, or empty for an anonymous request. */
    public Optional<SignedInUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || TRUST.isAnonymous(auth)) {
            return Optional.empty();
        }
        SignedInPersonPerRequest.Entry request = SignedInPersonPerRequest.current();
        SignedInUser known = request == null ? null : request.get(auth);
        if (known != null) {
            return Optional.of(known);
        }
        SignedInUser user = lookUp(auth);
        if (request != null) {
            request.put(auth, user);
        }
        return Optional.of(user);
    }

    private SignedInUser lookUp(Authentication auth) {
        Set<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        String username = auth.getName();
        // A single sign-on principal is matched by its stable subject first (usernames can change
        // in Keycloak); the local demo login and tests match by username.
        Optional<PersonIdentity> person = auth.getPrincipal() instanceof OidcUser oidc && oidc.getSubject() != null
                ? directory.findBySubject(oidc.getSubject()).or(() -> directory.findByUsername(username))
                : directory.findByUsername(username);
        return person
                .map(p -> new SignedInUser(p.personId(), username, p.displayName(), p.institutionName(), roles,
                        p.preferredLocale()))
                .orElseGet(() -> new SignedInUser(null, username, username, null, roles, null));
    }

    /**
     * The signed-in user.
     *
     * @throws AccessDeniedException if nobody is signed in
     */
    public SignedInUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The signed-in user's person id, or empty if nobody is signed in or the account has no person. */
    public Optional<Long> personId() {
        return get().map(SignedInUser::personId);
    }
}
