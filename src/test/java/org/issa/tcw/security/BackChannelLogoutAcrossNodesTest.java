package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.issa.tcw.testsupport.TwoNodes;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Keycloak's back-channel logout reaching the node that does not hold the session (ADR 100): node A
 * receives the (validated) logout token, node B holds the session, signed in through Keycloak; B's
 * session ends. Two application nodes on one embedded PostgreSQL ({@link TwoNodes}).
 */
class BackChannelLogoutAcrossNodesTest {

    private static final String ISSUER = "http://127.0.0.1:1/realms/tcw";

    @Test
    void a_logout_token_received_by_one_node_ends_the_session_on_the_other() throws Exception {
        ConfigurableApplicationContext nodeA = TwoNodes.get().a();
        ConfigurableApplicationContext nodeB = TwoNodes.get().b();
        String sessionId = newSessionOn(nodeB);
        BackChannelLogouts onB = nodeB.getBean(BackChannelLogouts.class);
        HttpSession session = onB.session(sessionId);
        assertThat(session).as("node B tracks the session it created").isNotNull();
        // the session signed in through Keycloak on node B (as the login records it)
        onB.registry().saveSessionInformation(signedIn(sessionId, "keycloak-session-1"));
        // another person's session on B must survive
        String otherId = newSessionOn(nodeB);
        onB.registry().saveSessionInformation(signedIn(otherId, "keycloak-session-2"));

        OidcLogoutToken token = OidcLogoutToken.withTokenValue("validated").issuer(ISSUER).subject("sub-1")
                .sessionId("keycloak-session-1").audience(List.of("tc-workspace")).issuedAt(Instant.now())
                .jti("logout-1").events(Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of())).build();
        nodeA.getBean(BackChannelLogouts.class).logout(null, null, new TestingAuthenticationToken(token, null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(session::getCreationTime).as("B's session was invalidated")
                        .isInstanceOf(IllegalStateException.class));
        assertThat(onB.session(otherId)).as("the other person's session lives on").isNotNull();
    }

    private static OidcSessionInformation signedIn(String sessionId, String keycloakSessionId) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").issuer(ISSUER).subject("sub-1")
                .audience(List.of("tc-workspace")).claim("sid", keycloakSessionId).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).build();
        return new OidcSessionInformation(sessionId, Map.of(), new DefaultOidcUser(List.of(), idToken));
    }

    /** A real HTTP session on the node: an anonymous visit, which the sign-in redirect remembers. */
    private static String newSessionOn(ConfigurableApplicationContext node) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + TwoNodes.port(node) + "/commissions")).build(),
                HttpResponse.BodyHandlers.discarding());
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
        return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
    }
}
