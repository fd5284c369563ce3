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
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(), EMBEDDABLE_UI)
                .because("features talk through their root packages (services, records, events); base.ui is the"
                        + " shared shell; a view embeds another feature's components only through its @EmbeddableUi bean")
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

    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>
            EMBEDDABLE_UI = com.tngtech.archunit.base.DescribedPredicate.describe("an @EmbeddableUi bean",
                    c -> c.isAnnotatedWith(org.issa.tcw.base.ui.EmbeddableUi.class));

    /**
     * The one exception to "ui is private": a public component factory in a feature's {@code ui}
     * package, marked {@code @EmbeddableUi}, whose data comes only from its feature's protected
     * services (no repository, no other class of the {@code ui} package that other features could
     * reach through it).
     */
    @Test
    void embeddable_ui_is_a_public_bean_of_a_ui_package_that_reads_through_services() {
        classes().that(EMBEDDABLE_UI).should().resideInAPackage("org.issa.tcw.*.ui").andShould().bePublic()
                .andShould().beAnnotatedWith(org.springframework.stereotype.Component.class)
                .check(CLASSES);
        noClasses().that(EMBEDDABLE_UI).should().dependOnClassesThat()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .orShould().dependOnClassesThat().resideInAPackage("..domain..")
                .check(CLASSES);
        org.assertj.core.api.Assertions.assertThat(CLASSES.stream().filter(EMBEDDABLE_UI::test)
                .map(com.tngtech.archunit.core.domain.JavaClass::getName))
                .as("the embeddable UI of each feature (one door per feature)")
                .containsExactly("org.issa.tcw.discussion.ui.DiscussionPanels");
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

    /** Scheduled jobs that run on every node, and why that is right (ADR 100). */
    private static final java.util.Map<String, String> PER_NODE_JOBS = java.util.Map.of(
            "org.issa.tcw.security.KeycloakSessionCheck.checkAll",
            "renews the tokens of the sessions held by this node; each node has its own sessions",
            "org.issa.tcw.mail.MailJobs.compose", "claims outbox rows with SKIP LOCKED: safe and faster on every node",
            "org.issa.tcw.mail.MailJobs.send", "claims outbox rows with SKIP LOCKED: safe and faster on every node");

    @Test
    void every_scheduled_job_runs_once_per_cluster_unless_it_is_per_node() {
        methods().that().areAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("not a per-node job",
                        m -> !PER_NODE_JOBS.containsKey(m.getOwner().getName() + "." + m.getName())))
                .should().beAnnotatedWith(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class)
                .because("on several nodes a scheduled job must run once (ADR 100); per-node jobs are listed")
                .check(CLASSES);
    }

    /**
     * Public beans of a feature's root package that are not security boundaries, and why. Anything
     * else public there that other features can call must check access with {@code @PreAuthorize}.
     */
    private static final java.util.Map<String, String> NOT_SECURITY_BOUNDARIES = java.util.Map.of(
            "org.issa.tcw.commission.CommissionAccess",
            "is the access check itself (called from @PreAuthorize expressions); answers only about the caller",
            "org.issa.tcw.discussion.DiscussionAccess",
            "is the access check itself (called from @PreAuthorize expressions); answers only about the caller",
            "org.issa.tcw.documents.DocumentAccess",
            "is the access check itself (commission role or a grant on the document); answers only about the caller",
            "org.issa.tcw.programme.ProgrammeAccess",
            "is the access check itself (called from @PreAuthorize expressions); answers only about the caller",
            "org.issa.tcw.security.CurrentUser", "reads the caller's own security context; needed before any check",
            "org.issa.tcw.base.Texts", "translations of UI texts; no data",
            "org.issa.tcw.discussion.DiscussionLimits", "configured limits; no data",
            "org.issa.tcw.documents.YjsEngine",
            "pure CRDT computation on bytes its callers (protected services) give it; no repository, no data of its own");

    @Test
    void every_public_method_of_a_features_public_beans_is_protected() {
        com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> publicRootBeans =
                com.tngtech.archunit.base.DescribedPredicate.describe(
                        "public @Component/@Service classes of a feature's root package, apart from "
                                + NOT_SECURITY_BOUNDARIES.keySet(),
                        c -> c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                                && (c.isAnnotatedWith(org.springframework.stereotype.Component.class)
                                        || c.isAnnotatedWith(Service.class))
                                && c.getPackageName().matches("org\\.issa\\.tcw\\.[a-z]+")
                                && !NOT_SECURITY_BOUNDARIES.containsKey(c.getName()));
        org.assertj.core.api.Assertions.assertThat(NOT_SECURITY_BOUNDARIES.keySet())
                .as("allow-list entries must name existing classes").allSatisfy(name -> CLASSES.get(name));
        methods().that().areDeclaredInClassesThat(publicRootBeans).and().arePublic()
                .should().beAnnotatedWith(PreAuthorize.class)
                .because("other features call these beans; the security boundary is at the feature's door")
                .check(CLASSES);
    }

    /** Classes allowed to reach Vaadin's internal API, and why. */
    private static final java.util.Map<String, String> VAADIN_INTERNALS = java.util.Map.of(
            "org.issa.tcw.security.OpenUisSignOut",
            "needs the push connection of other open UIs to flush the sign-out redirect before the session ends; "
                    + "no public API exposes it");

    @Test
    void vaadins_internal_api_is_not_used() {
        noClasses().that(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are not " + VAADIN_INTERNALS.keySet(),
                        (com.tngtech.archunit.core.domain.JavaClass c) ->
                                !VAADIN_INTERNALS.containsKey(c.getName().replaceFirst("\\$.*", ""))))
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin.flow.component.internal..",
                        "com.vaadin.flow.internal..")
                .because("Vaadin's internal packages change without notice; the public API has what views need")
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
    void wall_clock_millis_are_not_read_directly() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .because("wall time comes from the injected Clock (tests move it); durations from System.nanoTime()")
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
