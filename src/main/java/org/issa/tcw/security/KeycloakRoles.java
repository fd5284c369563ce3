package org.issa.tcw.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Global roles from Keycloak: the realm roles in the ID token's {@code roles} claim become
 * {@link Roles} authorities ({@code admin} → {@code ROLE_ADMIN}, {@code secretariat} →
 * {@code ROLE_SECRETARIAT}). Other realm roles (Keycloak's defaults) grant nothing here. Read at
 * every sign-in, so a role removed in Keycloak is gone at the next one.
 */
class KeycloakRoles implements GrantedAuthoritiesMapper {

    static final String CLAIM = "roles";
    private static final Map<String, String> GLOBAL_ROLES = Map.of("admin", Roles.ADMIN, "secretariat", Roles.SECRETARIAT);

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                for (String global : globalRoles(oidc.getIdToken())) {
                    mapped.add(new SimpleGrantedAuthority("ROLE_" + global));
                }
            }
        }
        return mapped;
    }

    /** The {@link Roles} an ID token grants (also recorded on the person at sign-in). */
    static Set<String> globalRoles(OidcIdToken idToken) {
        List<String> roles = idToken.getClaimAsStringList(CLAIM);
        Set<String> result = new TreeSet<>();
        for (String role : roles == null ? List.<String>of() : roles) {
            String global = GLOBAL_ROLES.get(role.toLowerCase(Locale.ROOT));
            if (global != null) {
                result.add(global);
            }
        }
        return result;
    }
}
