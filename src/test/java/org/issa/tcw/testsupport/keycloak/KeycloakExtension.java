package org.issa.tcw.testsupport.keycloak;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Keycloak for the whole test run: started (or reused) before the first test class that needs
 * it, kept in JUnit's root store and stopped when the run ends.
 */
public class KeycloakExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(KeycloakServer.class, key -> KeycloakServer.startOrReuse(), KeycloakServer.class);
    }
}
