package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/** Where the sign-in request sends the browser: PKCE always, plus institution and e-mail hints. */
class SignInRequestResolverTest {

    static final ClientRegistration KEYCLOAK = ClientRegistration.withRegistrationId("keycloak")
            .clientId("tc-workspace").clientSecret("secret")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid", "profile", "email")
            .authorizationUri("http://kc/realms/tcw/protocol/openid-connect/auth")
            .tokenUri("http://kc/realms/tcw/protocol/openid-connect/token").build();

    /** Only the lookups the resolver needs: inss.gov.br belongs to the institution with alias inss-br. */
    static final PersonDirectory DIRECTORY = new EmptyPersonDirectory() {
        @Override
        public Optional<String> identityProviderForEmail(String email) {
            return email.endsWith("@inss.gov.br") ? Optional.of("inss-br") : Optional.empty();
        }
    };

    final SignInRequestResolver resolver = new SignInRequestResolver(new InMemoryClientRegistrationRepository(KEYCLOAK),
            DIRECTORY);

    OAuth2AuthorizationRequest resolve(String query) {
        var request = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
        request.setServletPath("/oauth2/authorization/keycloak");
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                request.addParameter(kv[0], kv[1]);
            }
        }
        return resolver.resolve(request);
    }

    @Test
    void every_sign_in_request_uses_pkce_with_s256_and_a_fresh_state() {
        OAuth2AuthorizationRequest first = resolve(null);
        assertThat(first.getAdditionalParameters()).containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge").doesNotContainKeys("kc_idp_hint", "login_hint");
        assertThat(resolve(null).getState()).isNotEqualTo(first.getState());
    }

    @Test
    void an_institution_button_goes_straight_to_its_identity_provider() {
        assertThat(resolve("idp=drv-bund").getAdditionalParameters()).containsEntry("kc_idp_hint", "drv-bund");
    }

    @Test
    void a_malformed_identity_provider_is_ignored() {
        assertThat(resolve("idp=../evil%20x").getAdditionalParameters()).doesNotContainKey("kc_idp_hint");
    }

    @Test
    void an_address_of_an_institution_with_its_own_provider_is_routed_there() {
        assertThat(resolve("email= Ana.Souza@INSS.gov.br ").getAdditionalParameters())
                .containsEntry("kc_idp_hint", "inss-br").containsEntry("login_hint", "ana.souza@inss.gov.br");
    }

    @Test
    void any_other_address_goes_to_keycloaks_form_filled_in() {
        assertThat(resolve("email=claire.dubois@tcw-secretariat.org").getAdditionalParameters())
                .doesNotContainKey("kc_idp_hint").containsEntry("login_hint", "claire.dubois@tcw-secretariat.org");
    }

    @Test
    void something_that_is_no_address_is_ignored() {
        assertThat(resolve("email=not-an-address").getAdditionalParameters()).doesNotContainKeys("kc_idp_hint",
                "login_hint");
    }
}
