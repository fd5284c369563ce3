package org.issa.tcw.commission;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.issa.tcw.commission.domain.Commission;
import org.issa.tcw.commission.domain.CommissionRepository;
import org.issa.tcw.commission.domain.MembershipRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that answers "may the signed-in person do X in commission C?", from the table in
 * {@link CommissionAction}. Services use it in {@code @PreAuthorize("@commissionAccess.may(...)")}
 * and inside their methods; views use it only to hide what would be refused anyway.
 */
@Component("commissionAccess")
@Transactional(readOnly = true)
public class CommissionAccess {

    private final CurrentUser currentUser;
    private final MembershipRepository memberships;
    private final CommissionRepository commissions;
    /** Whether a person's role in a commission is read once per request or socket message (ADR 118). */
    private final boolean rolesPerRequest;

    /** The key of a person's role in a commission among what a request remembers. */
    private record RoleIn(long personId, long commissionId) {
    }

    CommissionAccess(CurrentUser currentUser, MembershipRepository memberships, CommissionRepository commissions,
            @org.springframework.beans.factory.annotation.Value("${tcw.security.roles-per-request:true}")
            boolean rolesPerRequest) {
        this.currentUser = currentUser;
        this.memberships = memberships;
        this.commissions = commissions;
        this.rolesPerRequest = rolesPerRequest;
    }

    /** Whether the signed-in person may do {@code action} in the commission with this id. */
    public boolean may(CommissionAction action, long commissionId) {
        Optional<SignedInUser> user = currentUser.get();
        if (user.isEmpty()) {
            return false;
        }
        SignedInUser u = user.get();
        if (u.isAdmin() && action.allowsAdmin() || u.isSecretariat() && action.allowsSecretariat()) {
            return true;
        }
        return roleIn(u, commissionId).map(action::allows).orElse(false);
    }

    /** Same as {@link #may(CommissionAction, long)}, by commission code; false for an unknown code. */
    public boolean may(CommissionAction action, String commissionCode) {
        return commissions.findByCode(commissionCode).map(c -> may(action, c.getId())).orElse(false);
    }

    /** Convenience for SpEL: {@code @commissionAccess.may('READ', #code)}. */
    public boolean may(String action, String commissionCode) {
        return may(CommissionAction.valueOf(action), commissionCode);
    }

    /** Convenience for SpEL: {@code @commissionAccess.may('READ', #commissionId)}. */
    public boolean may(String action, long commissionId) {
        return may(CommissionAction.valueOf(action), commissionId);
    }

    /**
     * The ids of every commission in which the signed-in person may do {@code action}, read at
     * every call (a membership that ended a moment ago is no longer in it): the search's permission
     * keys, matched against the commission indexed with each item.
     */
    public Set<Long> commissionsWhere(CommissionAction action) {
        Optional<SignedInUser> user = currentUser.get();
        if (user.isEmpty()) {
            return Set.of();
        }
        SignedInUser u = user.get();
        if (u.isAdmin() && action.allowsAdmin() || u.isSecretariat() && action.allowsSecretariat()) {
            return commissions.findAll().stream().map(Commission::getId).collect(Collectors.toUnmodifiableSet());
        }
        if (u.personId() == null) {
            return Set.of();
        }
        return memberships.activeOfPerson(u.personId()).stream()
                .filter(m -> action.allows(m.getRole()))
                .map(m -> m.getCommission().getId())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The signed-in person's active role in the commission, if any (the highest if several). */
    public Optional<CommissionRole> roleIn(long commissionId) {
        return currentUser.get().flatMap(u -> roleIn(u, commissionId));
    }

    /**
     * Read once per request or socket message (ADR 118: a page's permission checks asked the same
     * question about fifteen times); every call off a request, or with {@code
     * tcw.security.roles-per-request=false}. A membership change within the request forgets it
     * ({@link #rolesChanged()}); anyone else's is seen from the next request on.
     */
    private Optional<CommissionRole> roleIn(SignedInUser user, long commissionId) {
        Long personId = user.personId();
        if (personId == null) {
            return Optional.empty();
        }
        if (!rolesPerRequest) {
            return readRole(personId, commissionId);
        }
        return currentUser.remembered(new RoleIn(personId, commissionId), () -> readRole(personId, commissionId));
    }

    private Optional<CommissionRole> readRole(long personId, long commissionId) {
        return memberships.activeRoles(personId, commissionId).stream().min(Enum::compareTo);
    }

    /** A membership changed in this request: its roles are read again at the next check. */
    void rolesChanged() {
        currentUser.forgetRemembered();
    }
}
