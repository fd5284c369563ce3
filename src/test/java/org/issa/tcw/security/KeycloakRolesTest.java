package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class KeycloakRolesTest {

    static List<String> mapped(Object roles) {
        var token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60),
                roles == null ? Map.of("sub", "s") : Map.of("sub", "s", "roles", roles));
        return new KeycloakRoles().mapAuthorities(List.of(new OidcUserAuthority(token),
                new SimpleGrantedAuthority("SCOPE_openid"))).stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void the_global_realm_roles_become_application_roles() {
        assertThat(mapped(List.of("secretariat", "admin"))).contains("ROLE_SECRETARIAT", "ROLE_ADMIN", "OIDC_USER",
                "SCOPE_openid");
    }

    @Test
    void keycloaks_default_roles_grant_nothing() {
        assertThat(mapped(List.of("offline_access", "uma_authorization", "default-roles-tcw")))
                .noneMatch(a -> a.startsWith("ROLE_"));
    }

    @Test
    void a_token_without_roles_grants_no_role() {
        assertThat(mapped(null)).noneMatch(a -> a.startsWith("ROLE_"));
    }
}
