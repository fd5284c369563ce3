package org.issa.tcw.security;

import java.util.List;

/**
 * Single sign-on through Keycloak, as the sign-in page uses it. A bean only with the profile
 * {@code sso}; without it the embedded demo's local login applies.
 */
public interface SingleSignOn {

    /** Whether the sign-in service (Keycloak) answers and is configured correctly right now. */
    boolean available();

    /** The institutions whose own identity provider people can sign in with. */
    List<InstitutionSignIn> institutions();

    /** Where the browser goes to sign in at Keycloak's own form. */
    String signInUrl();

    /** Where the browser goes to sign in straight at an institution's identity provider. */
    String institutionSignInUrl(String identityProvider);

    /**
     * Where the browser goes for an e-mail address: to the identity provider of the institution
     * owning its domain, else to Keycloak's form with the address filled in.
     */
    String emailSignInUrl(String email);
}
