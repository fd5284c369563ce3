package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Just-in-time provisioning hands the person directory the global roles of the ID token at every
 * sign-in (Keycloak's default roles grant nothing), so a role removed in Keycloak is gone from the
 * person at the next sign-in. No Keycloak: the ID token is built here, the user-info endpoint is
 * never called.
 */
class ProvisioningOidcUserServiceTest {

    static final ClientRegistration KEYCLOAK = ClientRegistration.withRegistrationId("keycloak")
            .clientId("tcw").clientSecret("secret").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid", "profile", "email")
            .authorizationUri("http://127.0.0.1:1/realms/tcw/protocol/openid-connect/auth")
            .tokenUri("http://127.0.0.1:1/realms/tcw/protocol/openid-connect/token")
            .jwkSetUri("http://127.0.0.1:1/realms/tcw/protocol/openid-connect/certs")
            .userInfoUri("http://127.0.0.1:1/realms/tcw/protocol/openid-connect/userinfo")
            .userNameAttributeName("preferred_username").build();

    final List<ExternalIdentity> signedIn = new ArrayList<>();

    final PersonDirectory directory = new EmptyPersonDirectory() {
        @Override
        public PersonIdentity signedIn(ExternalIdentity identity) {
            signedIn.add(identity);
            return new PersonIdentity(1, identity.username(), identity.firstName(), "Last", null, null);
        }
    };

    OidcUser signIn(List<String> realmRoles) {
        Instant now = Instant.now();
        var idToken = new OidcIdToken("id-token", now, now.plusSeconds(300), Map.of("iss",
                "http://127.0.0.1:1/realms/tcw", "sub", "kc-sub-claire", "aud", List.of("tcw"), "preferred_username",
                "secretariat", "email", "claire.dubois@tcw-secretariat.org", "given_name", "Claire", "family_name",
                "Dubois", "roles", realmRoles));
        var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now,
                now.plusSeconds(300), Set.of("openid", "profile", "email"));
        return new ProvisioningOidcUserService(directory).loadUser(new OidcUserRequest(KEYCLOAK, accessToken, idToken));
    }

    @Test
    void the_global_roles_of_the_token_are_provisioned_with_the_person() {
        OidcUser user = signIn(List.of("secretariat", "offline_access", "default-roles-tcw"));
        assertThat(user.getSubject()).isEqualTo("kc-sub-claire");
        assertThat(signedIn).singleElement().satisfies(identity -> {
            assertThat(identity.username()).isEqualTo("secretariat");
            assertThat(identity.globalRoles()).containsExactly(Roles.SECRETARIAT);
        });
    }

    @Test
    void a_sign_in_without_the_role_provisions_no_role() {
        signIn(List.of("secretariat", "admin"));
        signIn(List.of("default-roles-tcw"));
        assertThat(signedIn).extracting(ExternalIdentity::globalRoles)
                .containsExactly(Set.of(Roles.ADMIN, Roles.SECRETARIAT), Set.of());
    }
}
