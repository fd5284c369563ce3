package org.issa.tcw;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The module rules of docs/architecture.md and ADR 001, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.issa.tcw");

    @Test
    void a_features_domain_and_ui_are_private_to_it() {
        slices().matching("org.issa.tcw.(*).(domain|ui)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.issa.tcw.base.."))
                .because("features talk through their root packages (services, records, events); base.ui is the shared shell")
                .check(CLASSES);
        java.util.Set<String> features = new java.util.TreeSet<>();
        CLASSES.forEach(c -> {
            String rest = c.getPackageName().replaceFirst("^org\\.issa\\.tcw\\.?", "");
            if (!rest.isEmpty()) {
                features.add(rest.split("\\.")[0]);
            }
        });
        org.assertj.core.api.Assertions.assertThat(features).contains("security", "people", "commission", "programme");
        for (String feature : features) {
            noClasses().that().resideOutsideOfPackages("org.issa.tcw." + feature + "..", "org.issa.tcw.demo..")
                    .should().dependOnClassesThat().resideInAPackage("org.issa.tcw." + feature + ".domain..")
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching("org.issa.tcw.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void views_use_services_never_repositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
                .check(CLASSES);
    }

    @Test
    void every_public_service_method_is_protected() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class).and().arePublic()
                .should().beAnnotatedWith(PreAuthorize.class)
                .because("services are the security boundary (every rule enforced server-side)")
                .check(CLASSES);
    }

    @Test
    void services_live_in_a_features_root_package() {
        classes().that().areAnnotatedWith(Service.class).should().resideOutsideOfPackages("..domain..", "..ui..")
                .check(CLASSES);
    }

    @Test
    void nothing_calls_the_system_clock_directly() {
        noClasses().that().resideOutsideOfPackage("org.issa.tcw.demo..")
                .should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .because("the Clock bean is injected so tests can move time")
                .check(CLASSES);
    }

    @Test
    void nothing_depends_on_the_hosts_time_zone() {
        noClasses().should().callMethod(java.time.ZoneId.class, "systemDefault")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(java.util.TimeZone.class, "getDefault")
                .because("the server works in UTC (the Clock bean) and views in the reader's zone (base.ui.UserZone)")
                .check(CLASSES);
    }
}
