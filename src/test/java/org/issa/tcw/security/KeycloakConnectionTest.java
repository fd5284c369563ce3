package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/** The application's view of Keycloak against a stand-in OpenID configuration endpoint. */
class KeycloakConnectionTest {

    HttpServer server;
    String base;
    final AtomicReference<String> issuerAnswered = new AtomicReference<>();
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger requests = new AtomicInteger();
    final MutableClock clock = new MutableClock();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        issuerAnswered.set(base + "/realms/tcw");
        server.createContext("/realms/tcw/.well-known/openid-configuration", exchange -> {
            requests.incrementAndGet();
            String issuer = issuerAnswered.get();
            byte[] body = ("""
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                     "token_endpoint":"%1$s/protocol/openid-connect/token",
                     "jwks_uri":"%1$s/protocol/openid-connect/certs",
                     "userinfo_endpoint":"%1$s/protocol/openid-connect/userinfo",
                     "end_session_endpoint":"%1$s/protocol/openid-connect/logout"}
                    """.formatted(issuer)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    KeycloakConnection connection(String issuer) {
        return new KeycloakConnection(new SsoProperties(URI.create(issuer), null, "tc-workspace", "secret", List.of(),
                Duration.ofSeconds(2), Duration.ofSeconds(5)), clock);
    }

    @Test
    void builds_the_registration_from_the_realms_configuration_when_keycloak_answers() {
        KeycloakConnection connection = connection(base + "/realms/tcw");

        ClientRegistration registration = connection.findByRegistrationId("keycloak");

        assertThat(registration).isNotNull();
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(base + "/realms/tcw/protocol/openid-connect/token");
        assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName())
                .isEqualTo("preferred_username");
        assertThat(registration.getProviderDetails().getConfigurationMetadata()).containsKey("end_session_endpoint");
        assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
        assertThat(new KeycloakHealthIndicator(connection).health().getStatus()).isEqualTo(Status.UP);
        assertThat(connection.findByRegistrationId("other")).isNull();
    }

    @Test
    void an_unreachable_keycloak_is_reported_down_and_gives_no_registration() {
        KeycloakConnection connection = connection(base + "/realms/tcw");
        server.stop(0);

        assertThat(connection.findByRegistrationId("keycloak")).isNull();
        assertThat(connection.status().state()).isEqualTo(KeycloakConnection.State.UNREACHABLE);
        var health = new KeycloakHealthIndicator(connection).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("state")).isEqualTo("UNREACHABLE");
    }

    @Test
    void a_wrong_issuer_is_reported_as_misconfigured_with_what_to_fix() {
        issuerAnswered.set("http://keycloak.example/realms/tcw");
        KeycloakConnection connection = connection(base + "/realms/tcw");

        assertThat(connection.findByRegistrationId("keycloak")).isNull();
        assertThat(connection.status().state()).isEqualTo(KeycloakConnection.State.MISCONFIGURED);
        assertThat(connection.status().detail()).contains("http://keycloak.example/realms/tcw")
                .contains("tcw.sso.issuer-uri");
    }

    @Test
    void an_issuer_that_is_no_realm_is_reported_as_misconfigured() {
        status.set(404);
        KeycloakConnection connection = connection(base + "/realms/tcw");
        assertThat(connection.status().state()).isEqualTo(KeycloakConnection.State.MISCONFIGURED);
        assertThat(connection.status().detail()).contains("HTTP 404");
    }

    @Test
    void the_check_is_reused_for_a_few_seconds_then_repeated() {
        KeycloakConnection connection = connection(base + "/realms/tcw");
        connection.status();
        connection.status();
        assertThat(requests).hasValue(1);
        clock.advance(Duration.ofSeconds(6));
        connection.status();
        assertThat(requests).hasValue(2);
    }

    @Test
    void keycloak_coming_back_is_noticed_without_a_restart() {
        status.set(503);
        KeycloakConnection connection = connection(base + "/realms/tcw");
        assertThat(connection.findByRegistrationId("keycloak")).isNull();
        status.set(200);
        clock.advance(Duration.ofSeconds(6));
        assertThat(connection.findByRegistrationId("keycloak")).isNotNull();
    }

    @Test
    void the_gate_sends_the_browser_to_the_unavailable_page_instead_of_a_dead_keycloak() throws Exception {
        KeycloakConnection connection = connection(base + "/realms/tcw");
        SignInGate gate = new SignInGate(connection);
        server.stop(0);

        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak"), response, chain);

        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error=unavailable");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void the_gate_lets_sign_in_through_while_keycloak_answers_and_ignores_other_paths() throws Exception {
        SignInGate gate = new SignInGate(connection(base + "/realms/tcw"));
        var chain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak"), new MockHttpServletResponse(),
                chain);
        assertThat(chain.getRequest()).isNotNull();

        server.stop(0);
        var other = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/commissions"), new MockHttpServletResponse(), other);
        assertThat(other.getRequest()).isNotNull();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
