package org.issa.tcw.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.issa.tcw.security.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

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
            Environment environment) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/images/**", "/favicon.ico").permitAll());
        SsoConfiguration.SsoLogin singleSignOn = sso.getIfAvailable();
        if (singleSignOn != null) {
            singleSignOn.apply(http);
        } else {
            if (environment.acceptsProfiles(Profiles.of(LocalLoginConfiguration.PRODUCTION_PROFILE))) {
                throw new IllegalStateException("The production profile needs single sign-on: add the profile '"
                        + SsoConfiguration.PROFILE + "' (and tcw.sso.* settings, see docs/features/sso.md).");
            }
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        }
        return http.build();
    }
}
