package org.issa.tcw.testsupport;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Signs a demo account in for a test, through the application's real local accounts and password check. */
@Component
public class SignIn {

    private final UserDetailsService users;
    private final PasswordEncoder passwordEncoder;

    SignIn(UserDetailsService users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    public Authentication as(String username) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        Authentication auth = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, "demo"));
        SecurityContextHolder.getContext().setAuthentication(auth);
        return auth;
    }

    public void out() {
        SecurityContextHolder.clearContext();
    }
}
