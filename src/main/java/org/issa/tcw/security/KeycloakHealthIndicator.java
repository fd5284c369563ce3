package org.issa.tcw.security;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code keycloak}: DOWN while the sign-in service cannot be
 * reached or is misconfigured. Not part of the liveness and readiness groups: the application
 * keeps serving (and explaining) while Keycloak is away.
 */
class KeycloakHealthIndicator implements HealthIndicator {

    private final KeycloakConnection connection;

    KeycloakHealthIndicator(KeycloakConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        KeycloakConnection.Status status = connection.status();
        return (status.up() ? Health.up() : Health.down())
                .withDetail("state", status.state().name())
                .withDetail("detail", status.detail())
                .withDetail("checkedAt", status.checkedAt().toString())
                .build();
    }
}
