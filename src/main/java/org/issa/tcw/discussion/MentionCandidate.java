package org.issa.tcw.discussion;

import org.jspecify.annotations.Nullable;

/**
 * Someone who can be mentioned as {@code @username} in a commission's threads: a member of the
 * commission, or one of the association's staff, who may read every commission's threads.
 *
 * @param staffRole {@code SECRETARIAT} or {@code ADMIN} (see {@link org.issa.tcw.security.Roles})
 *                  for staff, shown next to the name; {@code null} for a member without a global role
 */
public record MentionCandidate(long personId, String username, String displayName, @Nullable String staffRole) {

    public String handle() {
        return "@" + username;
    }

    public boolean isStaff() {
        return staffRole != null;
    }
}
