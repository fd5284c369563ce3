package org.issa.tcw.testsupport;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import java.security.Principal;
import java.util.Locale;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Browserless UI tests (Karibu Testing) on the real Spring context.
 * <p>
 * Karibu 2.7.0 has no Spring Security support, so the faked request reads the principal and roles
 * from Spring's {@link SecurityContextHolder} (what Spring's request wrapper does in production):
 * Vaadin's navigation access control then sees the same user the services see. Sign in with
 * {@link #signInAs(String)} before navigating.
 */
@SpringTest
public abstract class KaribuTest {

    private static final Routes ROUTES = routes();
    private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected SignIn signIn;

    @BeforeEach
    void setUpVaadin() {
        signIn.useThisContextsStrategy();
        SecurityContextHolder.clearContext();
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session) {
                @Override
                public Principal getUserPrincipal() {
                    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                    return auth == null || TRUST.isAnonymous(auth) ? null : auth;
                }
            };
            request.setUserInRole((principal, role) -> principal instanceof Authentication auth
                    && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority())));
            return request;
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Karibu's own discovery (ClassGraph) sees public classes only, but our views are
     * package-private (as Vaadin's Spring scanning allows): find them the way Spring does.
     */
    @SuppressWarnings("unchecked")
    private static Routes routes() {
        Routes routes = new Routes().autoDiscoverViews("org.issa.tcw");
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        for (var candidate : scanner.findCandidateComponents("org.issa.tcw")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), KaribuTest.class.getClassLoader());
            // a @Route(registerAtStartup = false) class is a chunk entry point (ADR 121), not a page
            if (type.isAnnotationPresent(Route.class) && type.getAnnotation(Route.class).registerAtStartup()) {
                routes.getRoutes().add((Class<? extends Component>) type);
            }
            if (HasErrorParameter.class.isAssignableFrom(type)) {
                routes.getErrorRoutes().add((Class<? extends HasErrorParameter<?>>) type);
            }
        }
        return routes;
    }

    /** Signs in with a demo account (real password check) and resets the UI to that user. */
    protected void signInAs(String username) {
        signIn.as(username);
    }

    /** Signs in as after a Keycloak sign-in (OIDC principal), see {@link SignIn#asOidc}. */
    protected void signInWithSsoAs(String subject, String username, String... realmRoles) {
        signIn.asOidc(subject, username, realmRoles);
        UI.getCurrent().getSession().setAttribute("tcw-test-user", username);
    }

    protected void navigate(String location) {
        UI.getCurrent().navigate(location);
    }

    /**
     * What the browser tells a document page once it painted its first frame (the content, ADR 028):
     * its comments and review list follow. Fired at every open editor of the UI.
     */
    protected static void contentPainted() {
        for (Component c : com.github.mvysny.kaributesting.v10.LocatorJ._find(Component.class)) {
            var element = c.getElement();
            if (!element.isTextNode() && element.getTag().equals("tcw-editor")) {
                com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(element, new com.vaadin.flow.dom.DomEvent(
                        element, org.issa.tcw.documents.comments.ui.CommentPanels.CONTENT_PAINTED,
                        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
            }
        }
    }

    /** Texts of the notifications currently shown (and forgets them). */
    protected java.util.List<String> notifications() {
        MockVaadin.clientRoundtrip(false);
        // not only the UI's own: a notification opened while a modal dialog is open lives inside it
        var shown = com.github.mvysny.kaributesting.v10.LocatorJ._find(
                com.vaadin.flow.component.notification.Notification.class);
        var texts = shown.stream().map(com.github.mvysny.kaributools.NotificationsKt::getText).toList();
        shown.forEach(n -> n.close());
        MockVaadin.clientRoundtrip(false);
        return texts;
    }

    /** Clicks the button with the given id inside a grid cell (component columns are rendered per row on demand). */
    protected <T> void clickInCell(com.vaadin.flow.component.grid.Grid<T> grid, int row, String columnKey,
            String buttonId) {
        Component cell = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, row, columnKey);
        var button = com.github.mvysny.kaributesting.v10.LocatorJ._get(cell,
                com.vaadin.flow.component.button.Button.class, spec -> spec.withId(buttonId));
        com.github.mvysny.kaributesting.v10.LocatorJ._click(button);
    }

    /** Confirms the open confirmation dialog. */
    protected void confirm() {
        var dialog = com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        com.vaadin.flow.component.ComponentUtil.fireEvent(dialog,
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(dialog, true));
        MockVaadin.clientRoundtrip(false);
    }

    /** Whether the access-denied or not-found page is shown instead of a view. */
    protected boolean refused() {
        return !com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.Component.class,
                spec -> spec.withId("access-denied")).isEmpty()
                || !com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.Component.class,
                        spec -> spec.withId("not-found")).isEmpty();
    }
}
