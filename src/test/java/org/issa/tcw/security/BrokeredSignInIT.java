package org.issa.tcw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.htmlunit.html.HtmlPage;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * People of member institutions sign in through their institution's own identity provider,
 * brokered by the realm: INSS Brazil over OpenID Connect, DRV Germany over SAML 2.0. The
 * application creates the person with the institution at the first sign-in and updates it later.
 */
@SsoSpringTest
class BrokeredSignInIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PersonDirectory directory;

    String app;
    AppSessions sessions;
    Browser browser;

    @BeforeEach
    void setUp() {
        app = "http://127.0.0.1:" + port;
        sessions = new AppSessions(context);
        browser = new Browser();
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    private HtmlPage institutionForm(String query, String realm) {
        HtmlPage form = browser.openHtml(app + "/oauth2/authorization/keycloak?" + query);
        assertThat(form.getUrl().toString()).as(Browser.describe(form))
                .startsWith(KeycloakServer.URL + "/realms/" + realm + "/protocol/");
        return form;
    }

    private Authentication signInAtInstitution(HtmlPage form, String username, String password) {
        long started = System.nanoTime();
        HtmlPage dashboard = browser.signIn(form, username, password);
        System.out.printf("[sso-bench] brokered sign-in of %s (institution form -> app): %d ms%n", username,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(dashboard.getUrl().toString()).as(Browser.describe(dashboard))
                .matches(Pattern.quote(app) + "/(\\?continue)?");
        Authentication auth = sessions.authentication(browser.cookie("JSESSIONID"));
        assertThat(auth).isNotNull();
        return auth;
    }

    @Test
    void a_person_of_inss_signs_in_through_the_institution_and_is_created_with_it() {
        KeycloakAdmin.deleteUserIfPresent("tcw", "inss-br.ana.souza");
        KeycloakAdmin.updateUser("inss-br", "ana.souza", "firstName", "Ana");

        Authentication auth = signInAtInstitution(institutionForm("idp=inss-br", "inss-br"), "ana.souza", "demo");

        OidcUser user = (OidcUser) auth.getPrincipal();
        assertThat(auth.getName()).isEqualTo("inss-br.ana.souza");
        assertThat(user.getClaimAsString("idp")).isEqualTo("inss-br");
        assertThat(SsoSignInIT.roles(auth)).isEmpty();
        PersonIdentity person = directory.findBySubject(user.getSubject()).orElseThrow();
        assertThat(person.username()).isEqualTo("inss-br.ana.souza");
        assertThat(person.displayName()).isEqualTo("Ana Souza");
        assertThat(person.institutionName()).isEqualTo("National Social Security Institute (Brazil)");

        // the institution changes her name: the next sign-in updates the person
        KeycloakAdmin.updateUser("inss-br", "ana.souza", "firstName", "Ana Maria");
        browser.close();
        browser = new Browser();
        signInAtInstitution(institutionForm("idp=inss-br", "inss-br"), "ana.souza", "demo");
        assertThat(directory.findBySubject(user.getSubject()).orElseThrow().displayName()).isEqualTo("Ana Maria Souza");
        KeycloakAdmin.updateUser("inss-br", "ana.souza", "firstName", "Ana");
    }

    @Test
    void a_person_of_drv_signs_in_through_the_institutions_saml_provider_and_is_created_with_it() {
        KeycloakAdmin.deleteUserIfPresent("tcw", "drv-bund.petra.schmidt");

        Authentication auth = signInAtInstitution(institutionForm("idp=drv-bund", "drv-bund"), "petra.schmidt", "demo");

        OidcUser user = (OidcUser) auth.getPrincipal();
        assertThat(auth.getName()).isEqualTo("drv-bund.petra.schmidt");
        assertThat(user.getClaimAsString("idp")).isEqualTo("drv-bund");
        PersonIdentity person = directory.findBySubject(user.getSubject()).orElseThrow();
        assertThat(person.displayName()).isEqualTo("Petra Schmidt");
        assertThat(person.institutionName()).isEqualTo("Deutsche Rentenversicherung Bund");
    }

    @Test
    void the_work_email_routes_to_the_institution_owning_its_domain() {
        HtmlPage form = institutionForm("email=Joao@INSS.gov.br", "inss-br");
        // the broker passes the address on: the institution's form has it filled in
        assertThat(((org.htmlunit.html.HtmlForm) form.getHtmlElementById("kc-form-login"))
                .getInputByName("username").getValue()).isEqualTo("joao@inss.gov.br");
    }

    @Test
    void a_person_without_last_name_gets_in_without_any_extra_form() {
        KeycloakAdmin.deleteUserIfPresent("tcw", "inss-br.joao");
        Authentication auth = signInAtInstitution(institutionForm("idp=inss-br", "inss-br"), "joao", "demo");
        PersonIdentity person = directory.findBySubject(((OidcUser) auth.getPrincipal()).getSubject()).orElseThrow();
        assertThat(person.displayName()).isEqualTo("João");
        assertThat(person.institutionName()).isEqualTo("National Social Security Institute (Brazil)");
    }

    @Test
    void a_user_recreated_in_keycloak_is_linked_to_the_same_person() {
        KeycloakAdmin.deleteUserIfPresent("tcw", "inss-br.ana.souza");
        Authentication first = signInAtInstitution(institutionForm("idp=inss-br", "inss-br"), "ana.souza", "demo");
        long personId = directory.findBySubject(((OidcUser) first.getPrincipal()).getSubject()).orElseThrow().personId();

        KeycloakAdmin.deleteUserIfPresent("tcw", "inss-br.ana.souza");
        browser.close();
        browser = new Browser();
        Authentication second = signInAtInstitution(institutionForm("idp=inss-br", "inss-br"), "ana.souza", "demo");

        assertThat(((OidcUser) second.getPrincipal()).getSubject()).isNotEqualTo(((OidcUser) first.getPrincipal()).getSubject());
        assertThat(directory.findBySubject(((OidcUser) second.getPrincipal()).getSubject()).orElseThrow().personId())
                .isEqualTo(personId);
    }
}
