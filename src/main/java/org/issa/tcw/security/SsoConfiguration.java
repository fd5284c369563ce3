package org.issa.tcw.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;

/**
 * Single sign-on through Keycloak (profile {@code sso}): OpenID Connect authorization code flow
 * with PKCE through Spring Security's OAuth2 client, wired into Vaadin's security configurer;
 * global roles from the token, people provisioned from it, RP-initiated and back-channel logout,
 * and sessions kept in step with Keycloak ({@link KeycloakSessionCheck}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(SsoConfiguration.PROFILE)
@EnableConfigurationProperties(SsoProperties.class)
@EnableScheduling
class SsoConfiguration {

    static final String PROFILE = "sso";

    @Bean
    KeycloakConnection keycloakConnection(SsoProperties properties, Clock clock) {
        return new KeycloakConnection(properties, clock);
    }

    @Bean
    KeycloakHealthIndicator keycloakHealthIndicator(KeycloakConnection connection) {
        return new KeycloakHealthIndicator(connection);
    }

    @Bean
    KeycloakRoles keycloakRoles() {
        return new KeycloakRoles();
    }

    @Bean
    KeycloakSingleSignOn singleSignOn(KeycloakConnection connection, PersonDirectory directory) {
        return new KeycloakSingleSignOn(connection, directory);
    }

    @Bean
    KeycloakSessionCheck keycloakSessionCheck(SsoProperties properties) {
        return new KeycloakSessionCheck(properties.timeout());
    }

    @Bean
    SsoLogin ssoLogin(KeycloakConnection connection, PersonDirectory directory, SsoProperties properties,
            KeycloakSessionCheck sessionCheck, BackChannelLogouts backChannelLogouts) {
        return new SsoLogin(connection, directory, properties, sessionCheck, backChannelLogouts);
    }

    /** Says in the log right away whether Keycloak answers; the application starts either way. */
    @EventListener(ApplicationReadyEvent.class)
    void checkKeycloak(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(KeycloakConnection.class).check();
    }

    /** Applies single sign-on to the application's one security filter chain. */
    static final class SsoLogin {

        private final KeycloakConnection connection;
        private final PersonDirectory directory;
        private final SsoProperties properties;
        private final KeycloakSessionCheck sessionCheck;
        private final BackChannelLogouts backChannelLogouts;

        SsoLogin(KeycloakConnection connection, PersonDirectory directory, SsoProperties properties,
                KeycloakSessionCheck sessionCheck, BackChannelLogouts backChannelLogouts) {
            this.backChannelLogouts = backChannelLogouts;
            this.connection = connection;
            this.directory = directory;
            this.properties = properties;
            this.sessionCheck = sessionCheck;
        }

        void apply(HttpSecurity http) throws Exception {
            // /login is the application's own sign-in page (e-mail routing, institution buttons,
            // "service unavailable"); after sign-out Keycloak sends the browser to /signed-out.
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                    .oauth2LoginPage("/login", "{baseUrl}/signed-out")
                    .addLogoutHandler(new OpenUisSignOut()));
            http.oauth2Login(login -> login
                    .oidcSessionRegistry(backChannelLogouts.registry())
                    .authorizedClientRepository(sessionCheck)
                    .authorizationEndpoint(endpoint -> endpoint
                            .authorizationRequestResolver(new SignInRequestResolver(connection, directory)))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new ProvisioningOidcUserService(directory)))
                    .failureHandler(new SignInFailureHandler(properties)));
            // Keycloak POSTs a logout_token to /logout/connect/back-channel/keycloak when a session
            // ends there (admin, user disabled and logged out, session expiry): the session is invalidated
            // on whichever node it lives (BackChannelLogouts, ADR 100).
            // A user disabled there gets no such call: KeycloakSessionCheck notices within a minute.
            http.oidcLogout(logout -> logout.oidcSessionRegistry(backChannelLogouts.registry())
                    .backChannel(backChannel -> backChannel.logoutHandler(backChannelLogouts)));
            http.addFilterBefore(new SignInGate(connection), OAuth2AuthorizationRequestRedirectFilter.class);
        }
    }
}
