package org.issa.tcw.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The person using the application right now, whatever the login method.
 *
 * @param personId   the person's id, or {@code null} for an account that has no person record
 * @param globalRoles {@link Roles} held by this user
 */
public record SignedInUser(@Nullable Long personId, String username, String displayName,
        @Nullable String institutionName, Set<String> globalRoles, @Nullable String preferredLocale) {

    public boolean hasRole(String role) {
        return globalRoles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    public boolean isSecretariat() {
        return hasRole(Roles.SECRETARIAT);
    }

    /** Admin or secretariat: the association's own staff. */
    public boolean isStaff() {
        return isAdmin() || isSecretariat();
    }

    public String initials() {
        StringBuilder sb = new StringBuilder();
        for (String part : displayName.trim().split("\\s+")) {
            if (!part.isEmpty() && sb.length() < 2) {
                sb.appendCodePoint(part.codePointAt(0));
            }
        }
        return sb.toString().toUpperCase();
    }
}
