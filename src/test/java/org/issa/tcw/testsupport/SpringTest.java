package org.issa.tcw.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test configuration (demo data in an in-memory H2), so that all tests share one
 * cached context. Tests that change data clean up after themselves or use their own records.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles({"demo", "test"})
public @interface SpringTest {
}
