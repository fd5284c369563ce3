package org.issa.tcw.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link SingleSignOn} through the Keycloak registration; URLs are handled by {@link SignInRequestResolver}. */
class KeycloakSingleSignOn implements SingleSignOn {

    static final String SIGN_IN_PATH = "/oauth2/authorization/" + SsoProperties.REGISTRATION_ID;

    private final KeycloakConnection connection;
    private final PersonDirectory directory;

    KeycloakSingleSignOn(KeycloakConnection connection, PersonDirectory directory) {
        this.connection = connection;
        this.directory = directory;
    }

    @Override
    public boolean available() {
        return connection.status().up();
    }

    @Override
    public List<InstitutionSignIn> institutions() {
        return directory.institutionSignIns();
    }

    @Override
    public String signInUrl() {
        return SIGN_IN_PATH.substring(1);
    }

    @Override
    public String institutionSignInUrl(String identityProvider) {
        return signInUrl() + "?" + SignInRequestResolver.IDP_PARAMETER + "=" + encode(identityProvider);
    }

    @Override
    public String emailSignInUrl(String email) {
        return signInUrl() + "?" + SignInRequestResolver.EMAIL_PARAMETER + "=" + encode(email.trim());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
