package org.issa.tcw.security;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;

/**
 * Records on the person the global roles a local demo sign-in granted (from {@code local_account}),
 * as single sign-on does from the ID token in {@link ProvisioningOidcUserService}: other features
 * ask the people feature who is staff, also while that person is not signed in.
 */
class LocalSignInRoles {

    private final PersonDirectory directory;

    LocalSignInRoles(PersonDirectory directory) {
        this.directory = directory;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken auth) {
            directory.recordGlobalRoles(auth.getName(), globalRoles(auth));
        }
    }

    static Set<String> globalRoles(UsernamePasswordAuthenticationToken auth) {
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (("ROLE_" + Roles.ADMIN).equals(name)) {
                roles.add(Roles.ADMIN);
            } else if (("ROLE_" + Roles.SECRETARIAT).equals(name)) {
                roles.add(Roles.SECRETARIAT);
            }
        }
        return roles;
    }
}
