package org.issa.tcw.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A directory that knows nobody, for unit tests of the security classes: each test overrides only
 * the calls its class under test makes; the others are refused.
 */
class EmptyPersonDirectory implements PersonDirectory {

    @Override
    public Optional<PersonIdentity> findByUsername(String username) {
        return Optional.empty();
    }

    @Override
    public Optional<PersonIdentity> findBySubject(String subject) {
        return Optional.empty();
    }

    @Override
    public void rememberLocale(long personId, String languageTag) {
    }

    @Override
    public PersonIdentity signedIn(ExternalIdentity identity) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void recordGlobalRoles(String username, Set<String> globalRoles) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> identityProviderForEmail(String email) {
        return Optional.empty();
    }

    @Override
    public List<InstitutionSignIn> institutionSignIns() {
        return List.of();
    }
}
