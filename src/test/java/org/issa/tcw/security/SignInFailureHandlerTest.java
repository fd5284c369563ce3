package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A failed sign-in: a clear log line for the operator, a translated reason for the user. */
@ExtendWith(OutputCaptureExtension.class)
class SignInFailureHandlerTest {

    final SignInFailureHandler handler = new SignInFailureHandler(new SsoProperties(
            URI.create("http://127.0.0.1:8180/realms/tcw"), null, "tc-workspace", "secret", List.of(),
            Duration.ofSeconds(5), Duration.ofSeconds(5)));

    String fail(String code, String description) throws Exception {
        var response = new MockHttpServletResponse();
        handler.onAuthenticationFailure(new MockHttpServletRequest(), response,
                new OAuth2AuthenticationException(new OAuth2Error(code, description, null)));
        return response.getRedirectedUrl();
    }

    @Test
    void a_wrong_client_secret_is_named_in_the_log(CapturedOutput output) throws Exception {
        assertThat(fail("invalid_token_response", "[invalid_token_response] 401 Unauthorized: {\"error\":"
                + "\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}"))
                .isEqualTo("/login?error=failed");
        assertThat(output).contains("Keycloak refused the application's client credentials")
                .contains("tcw.sso.client-secret").doesNotContain("at org.springframework");
    }

    @Test
    void a_refused_id_token_points_at_the_issuer_setting(CapturedOutput output) throws Exception {
        assertThat(fail("invalid_id_token", "The ID Token contains invalid claims: {iss=http://other/realms/tcw}"))
                .isEqualTo("/login?error=failed");
        assertThat(output).contains("tcw.sso.issuer-uri");
    }

    @Test
    void a_forged_or_expired_state_is_refused_quietly(CapturedOutput output) throws Exception {
        assertThat(fail("authorization_request_not_found", null)).isEqualTo("/login?error=failed");
        assertThat(output).contains("forged or replayed state");
    }

    @Test
    void keycloak_failing_at_the_token_request_reads_as_unavailable() throws Exception {
        assertThat(fail("invalid_token_response", "I/O error on POST request: Connection refused"))
                .isEqualTo("/login?error=unavailable");
    }

    @Test
    void a_person_refused_by_the_application_gets_the_reason() throws Exception {
        assertThat(fail("tcw_refused_inactive", "deactivated")).isEqualTo("/login?error=refused-inactive");
        assertThat(fail("tcw_refused_conflict", "clash")).isEqualTo("/login?error=refused-conflict");
    }
}
