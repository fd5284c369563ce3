package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * The session check against a token endpoint served over real HTTP on 127.0.0.1: Keycloak renewing,
 * refusing ({@code invalid_grant}) and unreachable. The full path with Keycloak itself — a user
 * disabled there loses the application session — is {@code SsoSignInIT}.
 */
class KeycloakSessionCheckTest {

    final KeycloakSessionCheck check = new KeycloakSessionCheck(Duration.ofSeconds(2));
    final AtomicReference<String> lastForm = new AtomicReference<>();
    HttpServer tokenEndpoint;

    @AfterEach
    void stop() {
        if (tokenEndpoint != null) {
            tokenEndpoint.stop(0);
        }
    }

    @Test
    void a_renewed_session_stays_and_keeps_the_new_refresh_token() throws IOException {
        String uri = serve(200, """
                {"access_token":"access-2","token_type":"Bearer","expires_in":300,"refresh_token":"refresh-2"}""");
        MockHttpSession session = signIn(uri);

        check.checkAll();
        assertThat(lastForm.get()).contains("grant_type=refresh_token").contains("refresh_token=refresh-1");
        check.checkAll();

        assertThat(lastForm.get()).contains("refresh_token=refresh-2");
        assertThat(session.isInvalid()).isFalse();
        assertThat(check.trackedSessions()).isEqualTo(1);
    }

    @Test
    void the_tokens_are_kept_once_and_a_renewal_replaces_them() throws IOException {
        String uri = serve(200, """
                {"access_token":"access-2","token_type":"Bearer","expires_in":300,"refresh_token":"refresh-2"}""");
        MockHttpSession session = signIn(uri);
        var request = new MockHttpServletRequest();
        request.setSession(session);
        var principal = new TestingAuthenticationToken("member-ict", null);
        OAuth2AuthorizedClient first = check.loadAuthorizedClient("keycloak", principal, request);
        assertThat(first.getAccessToken().getTokenValue()).isEqualTo("access-1");

        check.checkAll();

        OAuth2AuthorizedClient renewed = check.loadAuthorizedClient("keycloak", principal, request);
        assertThat(renewed.getAccessToken().getTokenValue()).isEqualTo("access-2");
        assertThat(renewed.getRefreshToken().getTokenValue()).isEqualTo("refresh-2");
        // no second copy in the session (Spring's session repository kept one there, and the old
        // tokens stayed beside the renewed ones for the session's life)
        assertThat(Collections.list(session.getAttributeNames())).isEmpty();
        assertThat(check.<OAuth2AuthorizedClient>loadAuthorizedClient("other", principal, request)).isNull();

        check.removeAuthorizedClient("keycloak", principal, request, new MockHttpServletResponse());
        assertThat(check.<OAuth2AuthorizedClient>loadAuthorizedClient("keycloak", principal, request)).isNull();
        assertThat(check.trackedSessions()).isZero();
    }

    @Test
    void a_session_keycloak_no_longer_renews_is_ended() throws IOException {
        String uri = serve(400, """
                {"error":"invalid_grant","error_description":"User disabled"}""");
        MockHttpSession session = signIn(uri);

        check.checkAll();

        assertThat(session.isInvalid()).isTrue();
        assertThat(check.trackedSessions()).isZero();
    }

    @Test
    void sessions_are_kept_while_keycloak_cannot_be_reached() throws IOException {
        String uri = serve(200, "{}");
        tokenEndpoint.stop(0);
        tokenEndpoint = null;
        MockHttpSession session = signIn(uri);

        check.checkAll();

        assertThat(session.isInvalid()).isFalse();
        assertThat(check.trackedSessions()).isEqualTo(1);
    }

    @Test
    void sessions_ended_otherwise_are_forgotten() throws IOException {
        String uri = serve(200, """
                {"access_token":"access-2","token_type":"Bearer","expires_in":300}""");
        MockHttpSession signedOut = signIn(uri);
        MockHttpSession expired = signIn(uri);
        assertThat(check.trackedSessions()).isEqualTo(2);

        signedOut.invalidate();
        check.checkAll();
        assertThat(check.trackedSessions()).isEqualTo(1);
        assertThat(expired.isInvalid()).isFalse();

        check.sessionDestroyed(new jakarta.servlet.http.HttpSessionEvent(expired));
        assertThat(check.trackedSessions()).isZero();
        lastForm.set(null);
        check.checkAll();
        assertThat(lastForm.get()).as("no renewal for sessions that are gone").isNull();
    }

    private MockHttpSession signIn(String tokenUri) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("keycloak")
                .clientId("tc-workspace").clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://127.0.0.1/auth").tokenUri(tokenUri).build();
        Instant now = Instant.now();
        var client = new OAuth2AuthorizedClient(registration, "member-ict",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-1", now, now.plusSeconds(300)),
                new OAuth2RefreshToken("refresh-1", now));
        var request = new MockHttpServletRequest();
        var session = new MockHttpSession();
        request.setSession(session);
        check.saveAuthorizedClient(client, new TestingAuthenticationToken("member-ict", null), request,
                new MockHttpServletResponse());
        return session;
    }

    private String serve(int status, String body) throws IOException {
        tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokenEndpoint.createContext("/token", exchange -> {
            lastForm.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        tokenEndpoint.start();
        return "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token";
    }
}
