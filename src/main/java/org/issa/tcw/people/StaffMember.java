package org.issa.tcw.people;

import java.util.Set;
import org.issa.tcw.security.Roles;

/**
 * An active person who holds a global role ({@link Roles#ADMIN}, {@link Roles#SECRETARIAT}) as
 * recorded at their last sign-in: the association's staff, who may read every commission.
 */
public record StaffMember(long personId, String username, String displayName, Set<String> globalRoles) {

    public StaffMember {
        globalRoles = Set.copyOf(globalRoles);
    }

    public boolean isSecretariat() {
        return globalRoles.contains(Roles.SECRETARIAT);
    }
}
