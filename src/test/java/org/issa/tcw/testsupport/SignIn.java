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

    private final org.springframework.security.core.context.SecurityContextHolderStrategy strategy;

    SignIn(UserDetailsService users, PasswordEncoder passwordEncoder,
            org.springframework.beans.factory.ObjectProvider<org.springframework.security.core.context.SecurityContextHolderStrategy> strategy) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /**
     * Vaadin installs its own security-context strategy as the static one when a Spring context
     * starts, and method security keeps the instance of its own context. With several cached test
     * contexts in one JVM, the static holder may point at another context's strategy: point it back
     * at this context's before using it.
     */
    public void useThisContextsStrategy() {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Real password checks are slow on purpose (BCrypt): each account is checked once per test run. */
    private final java.util.Map<String, Authentication> checked = new java.util.concurrent.ConcurrentHashMap<>();

    public Authentication as(String username) {
        useThisContextsStrategy();
        Authentication auth = checked.computeIfAbsent(username, name -> {
            var provider = new DaoAuthenticationProvider(users);
            provider.setPasswordEncoder(passwordEncoder);
            return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, "demo"));
        });
        SecurityContextHolder.getContext().setAuthentication(auth);
        return auth;
    }

    public void out() {
        useThisContextsStrategy();
        SecurityContextHolder.clearContext();
    }
}
