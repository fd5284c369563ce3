package org.issa.tcw.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's view of Keycloak: the OAuth2 client registration, built from the realm's
 * OpenID configuration when Keycloak first answers (not at startup, so that the application
 * starts and explains itself while Keycloak is down), and a cheap, cached reachability check for
 * the sign-in gate and the health endpoint.
 * <p>
 * Spring Boot's own {@code issuer-uri} support reads the configuration at startup and refuses to
 * start without Keycloak; this class replaces it.
 */
class KeycloakConnection implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    private static final Logger log = LoggerFactory.getLogger(KeycloakConnection.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the last check found. */
    enum State {
        UP, UNREACHABLE, MISCONFIGURED
    }

    /** @param detail for logs and the health endpoint, never shown to users */
    record Status(State state, String detail, Instant checkedAt) {
        boolean up() {
            return state == State.UP;
        }
    }

    private final SsoProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private volatile @Nullable ClientRegistration registration;
    private volatile @Nullable Status status;

    KeycloakConnection(SsoProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The last known status, checked again when older than {@code tcw.sso.status-ttl}. */
    Status status() {
        Status last = status;
        if (last == null || last.checkedAt().plus(properties.statusTtl()).isBefore(clock.instant())) {
            last = check();
        }
        return last;
    }

    /** Fetches the realm's OpenID configuration now; (re)builds the registration from it. */
    synchronized Status check() {
        URI uri = properties.configurationUri();
        Status previous = status;
        Status next;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(properties.timeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                next = new Status(State.MISCONFIGURED, "GET " + uri + " answered HTTP " + response.statusCode()
                        + ": is tcw.sso.issuer-uri the realm's issuer (http(s)://host/realms/<realm>)?", clock.instant());
            } else {
                Map<String, Object> metadata = JSON.readValue(response.body(), new TypeReference<>() {
                });
                String issuer = String.valueOf(metadata.get("issuer"));
                if (!issuer.equals(properties.issuerUri().toString())) {
                    next = new Status(State.MISCONFIGURED, "Keycloak at " + uri + " names its issuer '" + issuer
                            + "' but tcw.sso.issuer-uri is '" + properties.issuerUri() + "': ID tokens would be"
                            + " refused. Set tcw.sso.issuer-uri to the issuer (and Keycloak's hostname to the URL"
                            + " browsers use)", clock.instant());
                } else {
                    registration = registration(metadata);
                    next = new Status(State.UP, "issuer " + issuer, clock.instant());
                }
            }
        } catch (IOException | RuntimeException e) {
            next = new Status(State.UNREACHABLE, "Keycloak does not answer at " + uri + ": " + e, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next = new Status(State.UNREACHABLE, "Interrupted while asking " + uri, clock.instant());
        }
        if (previous == null || previous.state() != next.state()) {
            if (next.up()) {
                log.info("Single sign-on through Keycloak is available ({})", next.detail());
            } else if (next.state() == State.MISCONFIGURED) {
                log.error("Single sign-on is misconfigured: {}", next.detail());
            } else {
                log.warn("Single sign-on is unavailable, sign-in shows 'service unavailable' until Keycloak"
                        + " answers: {}", next.detail());
            }
        }
        status = next;
        return next;
    }

    private ClientRegistration registration(Map<String, Object> metadata) {
        return ClientRegistration.withRegistrationId(SsoProperties.REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(properties.scopes())
                .issuerUri(properties.issuerUri().toString())
                .authorizationUri(required(metadata, "authorization_endpoint"))
                .tokenUri(required(metadata, "token_endpoint"))
                .jwkSetUri(required(metadata, "jwks_uri"))
                .userInfoUri(required(metadata, "userinfo_endpoint"))
                .userNameAttributeName("preferred_username")
                // end_session_endpoint is read from here by the RP-initiated logout
                .providerConfigurationMetadata(metadata)
                .build();
    }

    private static String required(Map<String, Object> metadata, String name) {
        Object value = metadata.get(name);
        if (value == null) {
            throw new IllegalStateException("The OpenID configuration has no " + name);
        }
        return value.toString();
    }

    /** The registration, or {@code null} while Keycloak has never answered. */
    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!SsoProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null && status().up()) {
            known = registration;
        }
        return known;
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        ClientRegistration known = findByRegistrationId(SsoProperties.REGISTRATION_ID);
        return (known == null ? List.<ClientRegistration>of() : List.of(known)).iterator();
    }
}
