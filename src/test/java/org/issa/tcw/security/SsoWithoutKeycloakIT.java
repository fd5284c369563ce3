package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Single sign-on configured, Keycloak unreachable: the application starts anyway, explains the
 * situation on the sign-in page instead of sending browsers to a dead server, and its health
 * endpoint says so while liveness and readiness stay up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tcw.sso.issuer-uri=http://127.0.0.1:1/realms/tcw", "tcw.sso.timeout=1s"})
@ActiveProfiles({"demo", "sso", "test"})
class SsoWithoutKeycloakIT {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_anonymous_visit_goes_to_the_applications_sign_in_page() throws Exception {
        var response = get("/commissions");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void signing_in_leads_to_the_service_unavailable_page_not_to_the_dead_server() throws Exception {
        var response = get("/oauth2/authorization/keycloak?idp=inss-br");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=unavailable"));
        assertThat(get("/login?error=unavailable").statusCode()).isEqualTo(200);
    }

    @Test
    void the_health_endpoint_reports_keycloak_down_while_the_application_stays_ready() throws Exception {
        var health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body().replace(" ", "")).contains("\"keycloak\":{\"status\":\"DOWN\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
