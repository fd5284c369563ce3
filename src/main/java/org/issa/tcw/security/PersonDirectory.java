package org.issa.tcw.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The people (and institutions) the application knows, as seen by the security feature.
 * Implemented by the people feature (so security does not depend on it).
 */
public interface PersonDirectory {

    Optional<PersonIdentity> findByUsername(String username);

    /** The person linked to an identity provider subject ({@code sub}), if any. */
    Optional<PersonIdentity> findBySubject(String subject);

    /** Remembers the language a person chose in the user menu. */
    void rememberLocale(long personId, String languageTag);

    /**
     * Just-in-time provisioning at each single sign-on: finds the person behind the identity
     * (by subject, else by username, else by e-mail where that is safe), links it, updates e-mail,
     * names, the global roles ({@link ExternalIdentity#globalRoles()}, replacing those recorded
     * before) and — for a user who came through an institution's identity provider — the
     * institution; creates the person on the first sign-in. Commission memberships are not
     * touched: the secretariat manages them in the application.
     *
     * @throws SignInRefusedException if the person is deactivated or the identity clashes with
     *                                another person
     */
    PersonIdentity signedIn(ExternalIdentity identity);

    /**
     * Records the global roles ({@link Roles}) a local demo sign-in granted, replacing those
     * recorded before; nothing happens for a username without a person.
     */
    void recordGlobalRoles(String username, Set<String> globalRoles);

    /** The identity-provider alias of the institution owning the e-mail address's domain, if any. */
    Optional<String> identityProviderForEmail(String email);

    /** The institutions people can sign in with, by name. */
    List<InstitutionSignIn> institutionSignIns();
}
