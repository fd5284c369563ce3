package org.issa.tcw.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Spring's authorization request (with PKCE S256 and a fresh state), plus where the user wants to
 * sign in: {@code ?idp=<alias>} becomes Keycloak's {@code kc_idp_hint} (straight to the
 * institution's identity provider, Keycloak's own form is skipped); {@code ?email=<address>}
 * becomes {@code login_hint} and, when an institution with an identity provider owns the
 * address's domain, its {@code kc_idp_hint} (e-mail-domain routing, "home realm discovery").
 */
class SignInRequestResolver implements OAuth2AuthorizationRequestResolver {

    static final String IDP_PARAMETER = "idp";
    static final String EMAIL_PARAMETER = "email";
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    private final DefaultOAuth2AuthorizationRequestResolver delegate;
    private final PersonDirectory directory;

    SignInRequestResolver(ClientRegistrationRepository registrations, PersonDirectory directory) {
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        this.directory = directory;
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withHints(request, delegate.resolve(request));
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
        return withHints(request, delegate.resolve(request, registrationId));
    }

    private @Nullable OAuth2AuthorizationRequest withHints(HttpServletRequest request,
            @Nullable OAuth2AuthorizationRequest authorization) {
        if (authorization == null) {
            return null;
        }
        String idp = request.getParameter(IDP_PARAMETER);
        String email = request.getParameter(EMAIL_PARAMETER);
        String hint = idp != null && ALIAS.matcher(idp).matches() ? idp : null;
        String loginHint = null;
        if (hint == null && email != null && EMAIL.matcher(email.trim()).matches()) {
            loginHint = email.trim().toLowerCase(Locale.ROOT);
            hint = directory.identityProviderForEmail(loginHint).orElse(null);
        }
        if (hint == null && loginHint == null) {
            return authorization;
        }
        String idpHint = hint;
        String userHint = loginHint;
        return OAuth2AuthorizationRequest.from(authorization).additionalParameters(parameters -> {
            if (idpHint != null) {
                parameters.put("kc_idp_hint", idpHint);
            }
            if (userHint != null) {
                parameters.put("login_hint", userHint);
            }
        }).build();
    }
}
