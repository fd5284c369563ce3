package org.issa.tcw.testsupport.keycloak;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application with single sign-on against the test run's real Keycloak (profiles
 * {@code demo,sso}: demo data in an in-memory H2, the local login off), on a random port, checking
 * sessions against Keycloak every 2 seconds instead of every minute. One
 * Spring context shared by every class using this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeycloakExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tcw.sso.issuer-uri=http://127.0.0.1:${keycloak.port:8180}/realms/tcw",
            "tcw.sso.session-check=PT2S"})
@ActiveProfiles({"demo", "sso", "test"})
public @interface SsoSpringTest {
}
