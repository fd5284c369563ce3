package org.issa.tcw.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Keeps every signed-in application session in step with its Keycloak session, for what Keycloak
 * does not announce by a back-channel logout: a user <em>disabled</em> in Keycloak (their sessions
 * live on there, but can no longer be renewed) and a Keycloak session that reached its maximum
 * lifetime.
 *
 * <p>Remembers the tokens of each session signed in through Keycloak (it is the login's authorized
 * client repository, and the only place they are kept: not also in the session, where a renewal
 * would leave the old tokens beside the new ones — ADR 112) and, every
 * {@code tcw.sso.session-check} (1 minute by default), renews them with the refresh token. Keycloak refusing the renewal ({@code invalid_grant}) ends the application
 * session: its open pages are sent to the sign-in page and the session is invalidated. A renewal
 * also counts as activity in Keycloak, so an application session in use keeps its Keycloak session
 * from idling out. When Keycloak cannot be reached, sessions are kept: an outage of the sign-in
 * service must not sign everybody out.
 */
class KeycloakSessionCheck implements OAuth2AuthorizedClientRepository, HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSessionCheck.class);

    private final Map<HttpSession, OAuth2AuthorizedClient> sessions = new ConcurrentHashMap<>();
    private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokens;
    private volatile boolean unreachableReported;

    KeycloakSessionCheck(Duration timeout) {
        var http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        var client = new RestClientRefreshTokenTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        this.tokens = client;
    }

    /** The number of application sessions being kept in step (for tests and monitoring). */
    int trackedSessions() {
        return sessions.size();
    }

    @Scheduled(initialDelayString = "${tcw.sso.session-check:PT1M}", fixedDelayString = "${tcw.sso.session-check:PT1M}")
    void checkAll() {
        sessions.forEach(this::check);
    }

    /** Renews one session's tokens; ends the session when Keycloak refuses. */
    void check(HttpSession session, OAuth2AuthorizedClient client) {
        if (!alive(session)) {
            sessions.remove(session);
            return;
        }
        if (client.getRefreshToken() == null) {
            return; // nothing to renew it with; kept for the session's life
        }
        try {
            OAuth2AccessTokenResponse renewed = tokens.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                    client.getClientRegistration(), client.getAccessToken(), client.getRefreshToken()));
            var refreshToken = renewed.getRefreshToken() != null ? renewed.getRefreshToken() : client.getRefreshToken();
            sessions.replace(session, client, new OAuth2AuthorizedClient(client.getClientRegistration(),
                    client.getPrincipalName(), renewed.getAccessToken(), refreshToken));
            unreachableReported = false;
        } catch (OAuth2AuthorizationException refused) {
            if (OAuth2ErrorCodes.INVALID_GRANT.equals(refused.getError().getErrorCode())) {
                log.info("Keycloak no longer renews the session of {} ({}): signing it out",
                        client.getPrincipalName(), refused.getError().getDescription());
                end(session);
            } else {
                log.warn("Keycloak refused to renew the session of {}: {}", client.getPrincipalName(),
                        refused.getError());
            }
        } catch (RuntimeException unreachable) {
            if (!unreachableReported) {
                unreachableReported = true;
                log.warn("Keycloak could not be reached to renew sessions; they are kept: {}", unreachable.toString());
            }
        }
    }

    private void end(HttpSession session) {
        sessions.remove(session);
        try {
            OpenUisSignOut.sendToSignIn(session, session.getServletContext().getContextPath() + "/");
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // ended meanwhile by a sign-out or a back-channel logout
        }
    }

    private static boolean alive(HttpSession session) {
        try {
            session.getCreationTime();
            return true;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    @Override
    @SuppressWarnings("unchecked") // as Spring's own repositories: the caller names the type it saved
    public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
            Authentication principal, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        OAuth2AuthorizedClient client = session == null ? null : sessions.get(session);
        return client != null && client.getClientRegistration().getRegistrationId().equals(clientRegistrationId)
                ? (T) client : null;
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
            HttpServletRequest request, HttpServletResponse response) {
        sessions.put(request.getSession(), authorizedClient);
    }

    @Override
    public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
            HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        OAuth2AuthorizedClient client = sessions.get(session);
        if (client != null && client.getClientRegistration().getRegistrationId().equals(clientRegistrationId)) {
            sessions.remove(session, client);
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession());
    }
}
