package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.issa.tcw.base.ui.AccessDeniedView;
import org.issa.tcw.base.ui.NotFoundView;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.templates.DocumentTemplates;
import org.issa.tcw.security.ui.LoginView;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Security regression (issue 11): every {@code @Route} of the application, found by scanning the
 * classpath, opened as each demo role and as an anonymous visitor, against an explicit table of
 * what the permission table allows. A new view fails this test until its row is added.
 * <p>
 * A = the view opens, D = access denied (the "no access" page, also for records of another
 * commission), L = sent to the sign-in page. Records in parameterised routes are ICT's.
 */
class RoutePermissionsTest extends KaribuTest {

    private static final List<String> ROLES = List.of("admin", "secretariat", "chair-ict", "member-ict",
            "observer-ict", "member-fam", "anonymous");

    /** route template → (location to open, outcome per role in {@link #ROLES} order). */
    private static final Map<String, String[]> EXPECTED = new LinkedHashMap<>();

    static {
        //                                 location                        adm sec chr mem obs fam anon
        expect("", "", "A A A A A A L");
        expect("login", "login", "A A A A A A A");
        expect("signed-out", "signed-out", "A A A A A A A");
        expect("commissions", "commissions", "A A A A A A L");
        expect("commissions/:code", "commissions/ICT", "A A A A A A L");
        expect("commissions/:code/programme", "commissions/ICT/programme", "A A A A A D L");
        expect("commissions/:code/documents", "commissions/ICT/documents", "A A A A A D L");
        expect("commissions/:code/discussions", "commissions/ICT/discussions", "A A A A A D L");
        expect("documents", "documents", "A A A A A A L");
        expect("documents/:id", "documents/{document}", "A A A A A D L");
        expect("consultations/:id", "consultations/{round}", "A A A A A D L");
        expect("library", "library", "A A A A A A L");
        expect("discussions/:id", "discussions/{thread}", "A A A A A D L");
        expect("projects/:id", "projects/{project}", "A A A A A D L");
        expect("notifications", "notifications", "A A A A A A L");
        expect("search", "search", "A A A A A A L");
        expect("settings/notifications", "settings/notifications", "A A A A A A L");
        expect("admin/mail", "admin/mail", "A A D D D D L");
        expect("secretariat", "secretariat", "A A D D D D L");
        expect("admin/institutions", "admin/institutions", "A A D D D D L");
        expect("admin/consultation-contacts", "admin/consultation-contacts", "A A D D D D L");
        expect("admin/people", "admin/people", "A A D D D D L");
        expect("admin/commissions", "admin/commissions", "A A D D D D L");
        expect("admin/trienniums", "admin/trienniums", "A A D D D D L");
        expect("admin/priorities", "admin/priorities", "A A D D D D L");
        expect("templates", "templates", "D A D D D D L");
        expect("templates/:id", "templates/{template}", "D A D D D D L");
    }

    private static void expect(String route, String location, String outcomes) {
        String[] cells = outcomes.split(" ");
        if (cells.length != ROLES.size()) {
            throw new IllegalArgumentException("one outcome per role for " + route);
        }
        EXPECTED.put(route, new String[] {location, String.join("", cells)});
    }

    @Autowired
    DiscussionFixture fixture;
    @Autowired
    DocumentTemplates templates;

    @Test
    void every_route_has_a_row_in_the_expected_table() {
        assertThat(routes().keySet()).as("routes of the application vs. rows of the table")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void every_route_opens_or_refuses_as_the_permission_table_says_for_every_demo_role() {
        Map<String, Class<? extends Component>> routes = routes();
        signIn.as("secretariat");
        long template = templates.list(DocumentKind.OTHER, WorkingLanguage.EN).getFirst().id();
        signIn.out();
        Map<String, String> ids = Map.of(
                "{template}", Long.toString(template),
                "{document}", fixture.document("ICT").getId().toString(),
                "{project}", Long.toString(ictOnlyProject()),
                "{thread}", Long.toString(fixture.thread("chair-ict", "ICT", "Route walk " + System.nanoTime())),
                "{round}", Long.toString(consultationRound()));
        List<String> mismatches = new ArrayList<>();
        for (var row : EXPECTED.entrySet()) {
            String location = row.getValue()[0];
            for (var id : ids.entrySet()) {
                location = location.replace(id.getKey(), id.getValue());
            }
            StringBuilder actual = new StringBuilder();
            for (String role : ROLES) {
                actual.append(outcome(role, location, routes.get(row.getKey())));
            }
            if (!actual.toString().equals(row.getValue()[1])) {
                mismatches.add(String.format("%-32s expected %s, was %s   (%s)", "/" + row.getKey(),
                        row.getValue()[1], actual, String.join(" ", ROLES)));
            }
        }
        assertThat(mismatches).as("routes whose access differs from the table").isEmpty();
    }

    private char outcome(String role, String location, Class<? extends Component> view) {
        tearDownAndSetUp();
        if (!"anonymous".equals(role)) {
            signInAs(role);
        }
        try {
            navigate(location);
        } catch (RuntimeException e) {
            return 'E';
        }
        Component shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst() instanceof Component c
                ? c : null;
        if (view.isInstance(shown)) {
            return 'A';
        }
        if (shown instanceof LoginView) {
            return 'L';
        }
        if (shown instanceof AccessDeniedView || shown instanceof NotFoundView) {
            return 'D';
        }
        return '?';
    }

    /** A round open to the ICT commission, on a document of its own. */
    private long consultationRound() {
        signIn.as("chair-ict");
        try {
            var form = new org.issa.tcw.documents.DocumentForm();
            form.setTitle("Route walk consultation " + System.nanoTime());
            long document = context.getBean(org.issa.tcw.documents.DocumentService.class).create("ICT", form);
            var round = new org.issa.tcw.documents.consultation.RoundForm();
            round.setDeadline(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7));
            round.setIntroduction("Route walk");
            return context.getBean(org.issa.tcw.documents.consultation.ConsultationService.class).open(document, round);
        } finally {
            signIn.out();
        }
    }

    /** A fresh UI and no signed-in user for each visit. */
    private void tearDownAndSetUp() {
        signIn.out();
    }

    /** An ICT project no other commission takes part in (FAM members must not read it). */
    private long ictOnlyProject() {
        return fixture.project("ICT").getId();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends Component>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<? extends Component>> routes = new LinkedHashMap<>();
        for (var candidate : scanner.findCandidateComponents("org.issa.tcw")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    RoutePermissionsTest.class.getClassLoader());
            if (type.getAnnotation(Route.class).registerAtStartup()) { // not a chunk entry point (ADR 121)
                routes.put(type.getAnnotation(Route.class).value(), (Class<? extends Component>) type);
            }
        }
        return routes;
    }
}
