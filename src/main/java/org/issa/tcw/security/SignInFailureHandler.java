package org.issa.tcw.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A sign-in that did not complete: one clear log line saying what to fix (never a stack trace in
 * the browser) and the sign-in page with a translated reason ({@code /login?error=<reason>}).
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    /** Reasons the sign-in page has a text for ({@code sso.error.<reason>}). */
    static final String FAILED = "failed";
    static final String UNAVAILABLE = "unavailable";

    private final SsoProperties properties;

    SignInFailureHandler(SsoProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String code = exception instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode() : "";
        String description = exception instanceof OAuth2AuthenticationException oauth2
                && oauth2.getError().getDescription() != null ? oauth2.getError().getDescription()
                : String.valueOf(exception.getMessage());
        String reason = FAILED;
        switch (code) {
            case "invalid_token_response" -> {
                if (description.contains("401") || description.contains("invalid_client")
                        || description.contains("unauthorized_client")) {
                    log.error("Keycloak refused the application's client credentials: check tcw.sso.client-id ('{}')"
                            + " and tcw.sso.client-secret (KEYCLOAK_CLIENT_SECRET) against the client in realm {}."
                            + " Keycloak said: {}", properties.clientId(), properties.issuerUri(), description);
                } else {
                    log.error("The token request to Keycloak failed ({}): {}", properties.issuerUri(), description);
                    reason = UNAVAILABLE;
                }
            }
            case "invalid_id_token", "invalid_nonce" -> log.error("Keycloak's ID token was refused: {}. Is tcw.sso."
                    + "issuer-uri ('{}') exactly the issuer Keycloak puts in its tokens (its hostname setting)?",
                    description, properties.issuerUri());
            case "authorization_request_not_found" -> log.warn("Sign-in answer from {} without a matching sign-in"
                    + " request (expired session, forged or replayed state): refused", request.getRemoteAddr());
            case "client_registration_not_found" -> {
                log.warn("Sign-in answer while Keycloak's configuration is unknown: {}", description);
                reason = UNAVAILABLE;
            }
            default -> {
                if (code.startsWith(ProvisioningOidcUserService.REFUSED_PREFIX)) {
                    log.warn("Sign-in refused: {}", description);
                    reason = "refused-" + code.substring(ProvisioningOidcUserService.REFUSED_PREFIX.length())
                            .toLowerCase(Locale.ROOT);
                } else {
                    log.warn("Sign-in failed ({}): {}", code.isEmpty() ? exception.getClass().getSimpleName() : code,
                            description);
                }
            }
        }
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
