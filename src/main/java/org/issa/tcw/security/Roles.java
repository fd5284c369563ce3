package org.issa.tcw.security;

/**
 * Global roles. They come from Keycloak realm roles ({@code admin}, {@code secretariat}) or, in the
 * embedded demo profile, from the local accounts, and become the authorities {@code ROLE_ADMIN} and
 * {@code ROLE_SECRETARIAT}. Commission roles are not global: see the commission feature.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String SECRETARIAT = "SECRETARIAT";

    private Roles() {
    }
}
