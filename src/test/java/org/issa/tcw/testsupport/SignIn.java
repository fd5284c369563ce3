package org.issa.tcw.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs a user in for a test: a demo account through the application's real local accounts and
 * password check, or a single sign-on user as Spring Security holds it after a Keycloak sign-in.
 */
@Component
public class SignIn {

    private final ObjectProvider<UserDetailsService> users;
    private final ObjectProvider<PasswordEncoder> passwordEncoder;

    private final org.springframework.security.core.context.SecurityContextHolderStrategy strategy;

    SignIn(ObjectProvider<UserDetailsService> users, ObjectProvider<PasswordEncoder> passwordEncoder,
            ObjectProvider<org.springframework.security.core.context.SecurityContextHolderStrategy> strategy) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /**
     * Vaadin installs its own security-context strategy as the static one when a Spring context
     * starts, and method security keeps the instance of its own context. With several cached test
     * contexts in one JVM, the static holder may point at another context's strategy: point it back
     * at this context's before using it.
     */
    public void useThisContextsStrategy() {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Real password checks are slow on purpose (BCrypt): each account is checked once per test run. */
    private final java.util.Map<String, Authentication> checked = new java.util.concurrent.ConcurrentHashMap<>();

    public Authentication as(String username) {
        useThisContextsStrategy();
        Authentication auth = checked.computeIfAbsent(username, name -> {
            var provider = new DaoAuthenticationProvider(users.getObject());
            provider.setPasswordEncoder(passwordEncoder.getObject());
            return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, "demo"));
        });
        SecurityContextHolder.getContext().setAuthentication(auth);
        return auth;
    }

    /**
     * An OIDC sign-in: an {@link OAuth2AuthenticationToken} with a {@link DefaultOidcUser} whose ID
     * token carries {@code preferred_username}, {@code sub} and Keycloak realm roles, the authorities
     * mapped as the application maps them ({@code secretariat} → {@code ROLE_SECRETARIAT}).
     */
    public Authentication asOidc(String subject, String username, String... realmRoles) {
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken("test-id-token", now, now.plusSeconds(300), Map.of(
                "iss", "http://127.0.0.1:8180/realms/tcw", "sub", subject, "preferred_username", username,
                "roles", List.of(realmRoles)));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new OidcUserAuthority(idToken));
        for (String role : realmRoles) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
        }
        var user = new DefaultOidcUser(authorities, idToken, "preferred_username");
        Authentication auth = new OAuth2AuthenticationToken(user, authorities, "keycloak");
        useThisContextsStrategy();
        SecurityContextHolder.getContext().setAuthentication(auth);
        return auth;
    }

    public void out() {
        useThisContextsStrategy();
        SecurityContextHolder.clearContext();
    }
}
