package org.issa.tcw.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The OIDC user of a sign-in, with the person behind it created or updated from the ID token
 * (just-in-time provisioning), including the global roles the token grants now (so the
 * application knows who is staff even when they are not signed in). Keycloak's ID token already carries every claim we read, so the
 * user-info endpoint is not called (one round trip less per sign-in).
 */
class ProvisioningOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningOidcUserService.class);

    static final String IDP_CLAIM = "idp";
    static final String REFUSED_PREFIX = "tcw_refused_";

    private final OidcUserService delegate = new OidcUserService();
    private final PersonDirectory directory;

    ProvisioningOidcUserService(PersonDirectory directory) {
        this.directory = directory;
        delegate.setRetrieveUserInfo(request -> false);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        if (user.getPreferredUsername() == null || user.getEmail() == null) {
            throw refused(SignInRefusedException.Reason.INCOMPLETE, "The ID token of subject " + user.getSubject()
                    + " has no preferred_username or email: check the client's 'profile' and 'email' scopes");
        }
        try {
            directory.signedIn(new ExternalIdentity(user.getSubject(), user.getPreferredUsername(), user.getEmail(),
                    user.getGivenName(), user.getFamilyName(), user.getClaimAsString(IDP_CLAIM),
                    KeycloakRoles.globalRoles(user.getIdToken())));
        } catch (SignInRefusedException e) {
            throw refused(e.reason(), String.valueOf(e.getMessage()));
        } catch (DataAccessException e) {
            // e.g. two first sign-ins of the same new user at once: the second one retries
            log.warn("Could not provision the person of subject {}: {}", user.getSubject(), e.getMessage());
            throw new OAuth2AuthenticationException(new OAuth2Error("tcw_provisioning_failed",
                    "Provisioning failed: " + e.getMessage(), null), e);
        }
        return user;
    }

    private static OAuth2AuthenticationException refused(SignInRefusedException.Reason reason, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSED_PREFIX + reason.name().toLowerCase(), message,
                null), message);
    }
}
