package org.issa.tcw.security;

import org.jspecify.annotations.Nullable;

/** What the security feature needs to know about the person behind a sign-in. */
public record PersonIdentity(long personId, String username, @Nullable String firstName, String lastName,
        @Nullable String institutionName, @Nullable String preferredLocale) {

    public String displayName() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }
}
