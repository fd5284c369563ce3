package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.issa.tcw.testsupport.keycloak.AppSessions;
import org.issa.tcw.testsupport.keycloak.Browser;
import org.issa.tcw.testsupport.keycloak.KeycloakAdmin;
import org.issa.tcw.testsupport.keycloak.KeycloakServer;
import org.issa.tcw.testsupport.keycloak.SsoSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Sign-in of the realm's own users through Keycloak's real login form (HtmlUnit), sign-out
 * (RP-initiated and back-channel), disabled users, roles and refused authorization responses.
 */
@SsoSpringTest
class SsoSignInIT {

    static final String REALM_AUTH = KeycloakServer.URL + "/realms/tcw/protocol/openid-connect/auth";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    String app;
    AppSessions sessions;
    Browser browser;

    @BeforeEach
    void setUp() {
        app = "http://127.0.0.1:" + port;
        sessions = new AppSessions(context);
        // the realm's back-channel logout URL is one fixed URL; point it at this run's random port
        KeycloakAdmin.setClientAttribute("tcw", "tc-workspace", "backchannel.logout.url",
                app + "/logout/connect/back-channel/keycloak");
        browser = new Browser();
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    /** Keycloak's form, reached the way the sign-in page's "username and password" link goes. */
    HtmlPage keycloakForm() {
        HtmlPage form = browser.openHtml(app + "/oauth2/authorization/keycloak");
        assertThat(form.getUrl().toString()).as(Browser.describe(form)).startsWith(REALM_AUTH);
        return form;
    }

    /** Signs in and checks the browser is back on the dashboard; returns the app session's user. */
    Authentication signIn(String username) {
        long started = System.nanoTime();
        HtmlPage dashboard = browser.signIn(keycloakForm(), username, "demo");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(dashboard.getUrl().toString()).as(Browser.describe(dashboard))
                .matches(Pattern.quote(app) + "/(\\?continue)?");
        assertThat(dashboard.getWebResponse().getStatusCode()).isEqualTo(200);
        System.out.printf("[sso-bench] sign-in round trip of %s (app -> Keycloak form -> app, HtmlUnit): %d ms%n",
                username, millis);
        Authentication auth = sessions.authentication(browser.cookie("JSESSIONID"));
        assertThat(auth).as("signed in in the app session").isNotNull();
        return auth;
    }

    static List<String> roles(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .sorted().toList();
    }

    @Test
    void secretariat_signs_in_through_keycloak_and_lands_on_the_dashboard_with_the_secretariat_role() {
        Authentication auth = signIn("secretariat");
        assertThat(auth.getName()).isEqualTo("secretariat");
        assertThat(roles(auth)).containsExactly("ROLE_SECRETARIAT");
        OidcUser user = (OidcUser) auth.getPrincipal();
        assertThat(user.getClaimAsStringList("groups")).contains("general-secretariat");
        assertThat(user.getClaimAsString("idp")).isNull();
    }

    @Test
    void member_signs_in_without_any_global_role() {
        Authentication auth = signIn("member-ict");
        assertThat(auth.getName()).isEqualTo("member-ict");
        assertThat(roles(auth)).isEmpty();
    }

    @Test
    void administrator_gets_the_admin_role() {
        assertThat(roles(signIn("admin"))).containsExactly("ROLE_ADMIN");
    }

    @Test
    void a_role_granted_or_removed_in_keycloak_applies_at_the_next_sign_in() {
        KeycloakAdmin.grantRealmRole("tcw", "member-fam", "secretariat");
        try {
            assertThat(roles(signIn("member-fam"))).containsExactly("ROLE_SECRETARIAT");
        } finally {
            KeycloakAdmin.revokeRealmRole("tcw", "member-fam", "secretariat");
        }
        browser.close();
        browser = new Browser();
        assertThat(roles(signIn("member-fam"))).isEmpty();
    }

    @Test
    void wrong_password_stays_on_keycloaks_form() {
        HtmlPage again = browser.signIn(keycloakForm(), "chair-ict", "wrong");
        assertThat(again.getUrl().toString()).startsWith(KeycloakServer.URL + "/realms/tcw/");
        assertThat(again.getElementById("kc-form-login")).isNotNull();
        assertThat(sessions.authentication(browser.cookie("JSESSIONID"))).isNull();
    }

    @Test
    void a_user_disabled_in_keycloak_cannot_get_in() {
        KeycloakAdmin.updateUser("tcw", "observer-ict", "enabled", false);
        try {
            HtmlPage refused = browser.signIn(keycloakForm(), "observer-ict", "demo");
            assertThat(refused.getUrl().toString()).as(Browser.describe(refused)).startsWith(KeycloakServer.URL);
            assertThat(refused.asNormalizedText()).containsIgnoringCase("disabled");
            assertThat(sessions.authentication(browser.cookie("JSESSIONID"))).isNull();
        } finally {
            KeycloakAdmin.updateUser("tcw", "observer-ict", "enabled", true);
        }
    }

    @Test
    void sign_out_ends_the_keycloak_session_too() {
        signIn("chair-ict");
        assertThat(KeycloakAdmin.sessions("tcw", "chair-ict")).isPositive();
        String session = browser.cookie("JSESSIONID");

        Page signedOut = browser.post(app + "/logout", List.of(new NameValuePair("_csrf", csrfToken(session))));

        assertThat(signedOut.getUrl().toString()).as(Browser.describe(signedOut)).isEqualTo(app + "/signed-out");
        assertThat(sessions.find(session)).as("app session invalidated").isNull();
        assertThat(KeycloakAdmin.sessions("tcw", "chair-ict")).as("Keycloak session ended").isZero();
        // the next sign-in asks for credentials again
        assertThat(keycloakForm().getElementById("kc-form-login")).isNotNull();
    }

    @Test
    void back_channel_logout_from_keycloak_invalidates_the_app_session() throws InterruptedException {
        signIn("member-ict");
        String session = browser.cookie("JSESSIONID");

        // an administrator ends the user's sessions in Keycloak: it POSTs a logout_token to the app
        KeycloakAdmin.logoutUser("tcw", "member-ict");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> sessions.find(session) == null);
        assertThat(sessions.find(session)).as("app session invalidated by the back-channel logout").isNull();
        Page next = browser.open(app + "/");
        assertThat(next.getUrl().toString()).as(Browser.describe(next)).isEqualTo(app + "/login");
    }

    @Test
    void disabling_a_signed_in_user_in_keycloak_invalidates_the_app_session() throws InterruptedException {
        signIn("observer-ict");
        String session = browser.cookie("JSESSIONID");

        // Keycloak sends no back-channel logout for this; the application's session check notices
        KeycloakAdmin.updateUser("tcw", "observer-ict", "enabled", false);
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> sessions.find(session) == null);
            assertThat(sessions.find(session)).as("app session invalidated when the user was disabled").isNull();
            Page next = browser.open(app + "/");
            assertThat(next.getUrl().toString()).as(Browser.describe(next)).isEqualTo(app + "/login");
        } finally {
            KeycloakAdmin.updateUser("tcw", "observer-ict", "enabled", true);
        }
    }

    @Test
    void an_authorization_response_with_a_forged_state_is_refused() {
        keycloakForm(); // a real authorization request is pending in this session
        Page refused = browser.open(app + "/login/oauth2/code/keycloak?code=forged&state=forged");
        assertThat(refused.getUrl().toString()).isEqualTo(app + "/login?error=failed");
        assertThat(sessions.authentication(browser.cookie("JSESSIONID"))).isNull();
    }

    @Test
    void an_authorization_response_issued_to_another_browser_is_refused() {
        HtmlPage form = keycloakForm();
        String state = form.getUrl().getQuery().replaceAll(".*[?&]?state=([^&]+).*", "$1");
        try (Browser other = new Browser()) {
            Page refused = other.open(app + "/login/oauth2/code/keycloak?code=stolen&state=" + state);
            assertThat(refused.getUrl().toString()).isEqualTo(app + "/login?error=failed");
            assertThat(sessions.authentication(other.cookie("JSESSIONID"))).isNull();
        }
    }

    @Test
    void an_email_address_of_the_realm_goes_to_keycloaks_form_with_the_address_filled_in() {
        HtmlPage form = browser.openHtml(app + "/oauth2/authorization/keycloak?email=claire.dubois@tcw-secretariat.org");
        assertThat(form.getUrl().toString()).startsWith(REALM_AUTH);
        assertThat(form.getUrl().toString()).doesNotContain("kc_idp_hint");
        assertThat(((org.htmlunit.html.HtmlForm) form.getHtmlElementById("kc-form-login"))
                .getInputByName("username").getValue()).isEqualTo("claire.dubois@tcw-secretariat.org");
    }

    /**
     * The CSRF token a form of the page would send (Vaadin's own sign-out runs inside a UI request
     * and needs none): the session's token, masked the way Spring Security expects it back.
     */
    private String csrfToken(String sessionId) {
        String attribute = HttpSessionCsrfTokenRepository.class.getName() + ".CSRF_TOKEN";
        var session = sessions.find(sessionId);
        CsrfToken stored = (CsrfToken) session.getAttribute(attribute);
        if (stored == null) {
            stored = new HttpSessionCsrfTokenRepository().generateToken(null);
            session.setAttribute(attribute, stored);
        }
        CsrfToken token = stored;
        var request = new MockHttpServletRequest();
        new XorCsrfTokenRequestAttributeHandler().handle(request, new MockHttpServletResponse(), () -> token);
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    }
}
