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

    /** Real password checks are slow on purpose (BCrypt): each account is checked once per test run. */
    private final java.util.Map<String, Authentication> checked = new java.util.concurrent.ConcurrentHashMap<>();

    public Authentication as(String username) {
        Authentication auth = checked.computeIfAbsent(username, name -> {
            var provider = new DaoAuthenticationProvider(users);
            provider.setPasswordEncoder(passwordEncoder);
            return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, "demo"));
        });
        SecurityContextHolder.getContext().setAuthentication(auth);
        return auth;
    }

    public void out() {
        SecurityContextHolder.clearContext();
    }
}
