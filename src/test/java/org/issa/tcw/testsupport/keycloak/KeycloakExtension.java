package org.issa.tcw.testsupport.keycloak;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Keycloak for the whole test run: started (or reused) before the first test class that needs
 * it, kept in JUnit's root store and stopped when the run ends. A failed start is remembered too,
 * so the other classes fail at once with the same message instead of trying (and waiting) again.
 */
public class KeycloakExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Startup.class, key -> Startup.attempt(), Startup.class)
                .server();
    }

    /** The outcome of the one start attempt of the run. */
    record Startup(KeycloakServer running, RuntimeException failure) implements AutoCloseable {

        static Startup attempt() {
            try {
                return new Startup(KeycloakServer.startOrReuse(), null);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        KeycloakServer server() {
            if (failure != null) {
                throw new IllegalStateException("Keycloak could not be started for this test run: "
                        + failure.getMessage(), failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
