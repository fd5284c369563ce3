package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Public service methods whose {@code @PreAuthorize} is only {@code isAuthenticated()} make their
 * real check inside (an object-level right, or "only one's own"). {@link InnerCheckGuards#GUARDS}
 * lists every such method with the test that proves its refusal, or why it has none (data every
 * signed-in person may see); this test checks the list against the code, so a new method of that
 * kind fails until its refusal is tested. docs/security.md shows the same table. Refusals not
 * tested elsewhere are tested by area: {@code CommissionInnerChecksTest},
 * {@code NotificationInnerChecksTest}, {@code DocumentInnerChecksTest}.
 */
class InnerChecksTest {

    @Test
    void every_method_checked_only_for_a_signed_in_caller_names_the_test_of_its_inner_check() throws Exception {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.issa.tcw");
        var found = new TreeSet<String>();
        for (var c : classes) {
            for (JavaMethod m : c.getMethods()) {
                var pre = m.tryGetAnnotationOfType(PreAuthorize.class);
                if (pre.isPresent() && pre.get().value().replace(" ", "").equals("isAuthenticated()")
                        && m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                    found.add(c.getName().replaceFirst("^org\\.issa\\.tcw\\.", "") + "." + m.getName());
                }
            }
        }
        assertThat(InnerCheckGuards.GUARDS.keySet()).as("methods protected by isAuthenticated() only").isEqualTo(found);
        for (String guard : InnerCheckGuards.GUARDS.values()) {
            if (guard.startsWith(InnerCheckGuards.OPEN)) {
                continue;
            }
            String[] parts = guard.split("#");
            Class<?> test = testClass(parts[0]);
            assertThat(Arrays.stream(test.getDeclaredMethods()).map(java.lang.reflect.Method::getName))
                    .as(guard).contains(parts[1]);
        }
    }

    private static Class<?> testClass(String simpleName) throws ClassNotFoundException {
        for (String p : List.of("", "commission.", "discussion.", "documents.", "notification.", "people.",
                "programme.", "documents.comments.", "documents.suggestions.",
                "documents.exchange.", "documents.versions.", "documents.consultation.", "documents.workflow.", "documents.templates.",
                "mail.", "search.", "home.")) {
            try {
                return Class.forName("org.issa.tcw." + p + simpleName);
            } catch (ClassNotFoundException e) {
                // next package
            }
        }
        throw new ClassNotFoundException(simpleName);
    }
}
