package org.issa.tcw.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on settings (profile {@code sso}), see {@code application-sso.properties}.
 *
 * @param issuerUri     the realm's issuer as browsers see it, e.g. {@code http://127.0.0.1:8180/realms/tcw};
 *                      ID tokens must carry exactly this {@code iss}
 * @param discoveryUri  where the application itself fetches the realm's OpenID configuration, when
 *                      it reaches Keycloak under another name than browsers do (containers); by
 *                      default the issuer
 * @param clientId      the confidential client of the realm
 * @param clientSecret  its secret
 * @param scopes        requested scopes
 * @param timeout       connect and read timeout for the application's own calls to Keycloak
 * @param statusTtl     how long a reachability check of Keycloak is reused
 */
@ConfigurationProperties("tcw.sso")
record SsoProperties(URI issuerUri, @Nullable URI discoveryUri, String clientId, String clientSecret,
        List<String> scopes, Duration timeout, Duration statusTtl) {

    static final String REGISTRATION_ID = "keycloak";

    SsoProperties {
        discoveryUri = discoveryUri == null || discoveryUri.toString().isBlank() ? null : discoveryUri;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        statusTtl = statusTtl == null ? Duration.ofSeconds(5) : statusTtl;
    }

    /** The OpenID configuration document the application reads. */
    URI configurationUri() {
        String base = (discoveryUri != null ? discoveryUri : issuerUri).toString().replaceAll("/+$", "");
        return URI.create(base + "/.well-known/openid-configuration");
    }
}
