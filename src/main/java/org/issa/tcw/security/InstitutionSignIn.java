package org.issa.tcw.security;

/** A member institution whose own identity provider people can sign in with. */
public record InstitutionSignIn(String institutionName, String identityProvider) {
}
