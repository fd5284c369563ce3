package org.issa.tcw.security;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Duration;
import org.issa.tcw.security.domain.LocalAccountRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The local username/password login of the embedded demo profile. It refuses to start when the
 * production profile is active too: real deployments sign in through Keycloak only. With the
 * profile {@code sso} as well ({@code demo,sso}: demo data, Keycloak sign-in) the local login is
 * off: the demo accounts still exist (their password hashes are unused) but no form accepts them.
 */
@Configuration(proxyBeanMethods = false)
@Profile(LocalLoginConfiguration.DEMO_PROFILE)
class LocalLoginConfiguration {

    static final String DEMO_PROFILE = "demo";
    static final String PRODUCTION_PROFILE = "prod";

    private final Environment environment;

    LocalLoginConfiguration(Environment environment) {
        this.environment = environment;
    }

    @PostConstruct
    void refuseProduction() {
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            throw new IllegalStateException("The local demo login (profile '" + DEMO_PROFILE
                    + "') must not run under the production profile '" + PRODUCTION_PROFILE
                    + "'. Remove '" + DEMO_PROFILE + "' from spring.profiles.active and sign in through Keycloak.");
        }
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Profile("!" + SsoConfiguration.PROFILE)
    UserDetailsService localAccounts(LocalAccountRepository accounts) {
        return username -> accounts.findById(username)
                .map(a -> User.withUsername(a.getUsername())
                        .password(a.getPasswordHash())
                        .roles(a.getGlobalRoles().toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** Per-account and per-address slowdown of the local login (docs/security.md). */
    @Bean
    @Profile("!" + SsoConfiguration.PROFILE)
    LoginThrottle loginThrottle(Clock clock,
            @Value("${tcw.login.max-failures-per-account:5}") int maxPerAccount,
            @Value("${tcw.login.max-failures-per-address:20}") int maxPerAddress,
            @Value("${tcw.login.lockout:5m}") Duration lockout) {
        return new LoginThrottle(maxPerAccount, maxPerAddress, lockout, clock);
    }

    @Bean
    @Profile("!" + SsoConfiguration.PROFILE)
    LoginThrottleFilter.Counting loginThrottleCounting(LoginThrottle throttle) {
        return new LoginThrottleFilter.Counting(throttle);
    }

    @Bean
    @Profile("!" + SsoConfiguration.PROFILE)
    LocalSignInRoles localSignInRoles(PersonDirectory directory) {
        return new LocalSignInRoles(directory);
    }
}
