package org.issa.tcw.security;

import java.util.Optional;

/**
 * The people the application knows, as seen by the security feature. Implemented by the people
 * feature (so security does not depend on it).
 */
public interface PersonDirectory {

    Optional<PersonIdentity> findByUsername(String username);

    /** Remembers the language a person chose in the user menu. */
    void rememberLocale(long personId, String languageTag);
}
