package org.issa.tcw.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.issa.tcw.security.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Web security through Vaadin's configurer (Vaadin 25 has no VaadinWebSecurity base class any
 * more); every service method is additionally protected by method security. With the profile
 * {@code sso} everyone signs in through Keycloak ({@link SsoConfiguration}); otherwise the
 * embedded demo's local form login applies, which the production profile does not allow.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<SsoConfiguration.SsoLogin> sso,
            Environment environment, RequestUtil vaadinRequests, ObjectProvider<LoginThrottle> loginThrottle)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/images/**", "/favicon.ico").permitAll());
        // the sign-in page's UI is closed on the server when its person signs in (ADR 116)
        http.sessionManagement(session -> session.addSessionAuthenticationStrategy(new SignInPagesRelease()));
        SsoConfiguration.SsoLogin singleSignOn = sso.getIfAvailable();
        if (singleSignOn != null) {
            singleSignOn.apply(http);
        } else {
            if (environment.acceptsProfiles(Profiles.of(LocalLoginConfiguration.PRODUCTION_PROFILE))) {
                throw new IllegalStateException("The production profile needs single sign-on: add the profile '"
                        + SsoConfiguration.PROFILE + "' (and tcw.sso.* settings, see docs/features/sso.md).");
            }
            // Vaadin's configurer exempts its login path from Spring's CSRF check, which lets another
            // site sign a browser in to an account of its choosing (login CSRF): keep Vaadin's own
            // exemption for its internal requests (UIDL, heartbeat, push carry Vaadin's token) and
            // require Spring's token everywhere else, POST /login included. The login form sends it
            // (Vaadin puts the token in the page's _csrf meta tags, vaadin-login-form posts it).
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                    .enableCsrfConfiguration(false));
            http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
            LoginThrottle throttle = loginThrottle.getIfAvailable();
            if (throttle != null) {
                http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
            }
        }
        return http.build();
    }

    /**
     * Browser security headers on every response, before Spring Security and Vaadin (which would
     * otherwise skip static resources); HSTS with {@code tcw.security.hsts=true} (the prod profile).
     */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(@Value("${tcw.security.hsts:false}") boolean hsts) {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders(hsts));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** A year's caching of the production bundle's hashed files instead of Vaadin's hour (ADR 111). */
    @Bean
    FilterRegistrationBean<HashedAssetCaching> hashedAssetCaching() {
        var registration = new FilterRegistrationBean<>(new HashedAssetCaching());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        registration.addUrlPatterns("/VAADIN/build/*");
        return registration;
    }
}
