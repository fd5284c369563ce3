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

    SignIn(ObjectProvider<UserDetailsService> users, ObjectProvider<PasswordEncoder> passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    public Authentication as(String username) {
        var provider = new DaoAuthenticationProvider(users.getObject());
        provider.setPasswordEncoder(passwordEncoder.getObject());
        Authentication auth = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, "demo"));
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
        SecurityContextHolder.getContext().setAuthentication(auth);
        return auth;
    }

    public void out() {
        SecurityContextHolder.clearContext();
    }
}
