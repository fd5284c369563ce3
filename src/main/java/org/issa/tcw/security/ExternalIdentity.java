package org.issa.tcw.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who signed in, as the identity provider (Keycloak) asserts it in the ID token.
 *
 * @param subject          the token's {@code sub}: stable for the life of the Keycloak user
 * @param username         the token's {@code preferred_username}
 * @param identityProvider the alias of the institution's identity provider the user came through
 *                         (claim {@code idp}), or {@code null} for a user of the realm itself
 * @param globalRoles      the {@link Roles} the token grants now (from the realm roles, see
 *                         {@link KeycloakRoles}); recorded on the person at each sign-in
 */
public record ExternalIdentity(String subject, String username, String email, @Nullable String firstName,
        @Nullable String lastName, @Nullable String identityProvider, Set<String> globalRoles) {

    public ExternalIdentity {
        globalRoles = Set.copyOf(globalRoles);
    }
}
