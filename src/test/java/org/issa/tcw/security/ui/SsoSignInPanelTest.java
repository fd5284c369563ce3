package org.issa.tcw.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import java.util.List;
import org.issa.tcw.security.InstitutionSignIn;
import org.issa.tcw.security.SingleSignOn;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

/** The sign-in page's single sign-on content (the shared test context runs without the sso profile). */
class SsoSignInPanelTest extends KaribuTest {

    boolean available = true;

    final SingleSignOn sso = new SingleSignOn() {
        @Override
        public boolean available() {
            return available;
        }

        @Override
        public List<InstitutionSignIn> institutions() {
            return List.of(new InstitutionSignIn("Deutsche Rentenversicherung Bund", "drv-bund"),
                    new InstitutionSignIn("National Social Security Institute (Brazil)", "inss-br"));
        }

        @Override
        public String signInUrl() {
            return "oauth2/authorization/keycloak";
        }

        @Override
        public String institutionSignInUrl(String identityProvider) {
            return signInUrl() + "?idp=" + identityProvider;
        }

        @Override
        public String emailSignInUrl(String email) {
            return signInUrl() + "?email=" + email;
        }
    };

    SsoSignInPanel show(String error) {
        var panel = new SsoSignInPanel(sso);
        UI.getCurrent().add(panel);
        panel.show(error);
        return panel;
    }

    @Test
    void offers_the_work_e_mail_each_institution_and_keycloaks_form() {
        show(null);
        _get(EmailField.class, spec -> spec.withId("email"));
        assertThat(_get(Anchor.class, spec -> spec.withId("idp-inss-br")).getHref())
                .isEqualTo("oauth2/authorization/keycloak?idp=inss-br");
        assertThat(_get(Anchor.class, spec -> spec.withId("idp-drv-bund")).getText())
                .isEqualTo("Sign in with Deutsche Rentenversicherung Bund");
        assertThat(_get(Anchor.class, spec -> spec.withId("sign-in-keycloak")).getHref())
                .isEqualTo("oauth2/authorization/keycloak");
        assertThat(_find(Paragraph.class, spec -> spec.withId("sign-in-error"))).isEmpty();
    }

    @Test
    void a_work_e_mail_sends_the_browser_to_the_routed_sign_in() {
        show(null);
        _setValue(_get(EmailField.class, spec -> spec.withId("email")), "ana.souza@inss.gov.br");
        _click(_get(Button.class, spec -> spec.withId("continue")));
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(js -> {
                    assertThat(js.getInvocation().getExpression()).contains("window.open");
                    assertThat(js.getInvocation().getParameters())
                            .contains("oauth2/authorization/keycloak?email=ana.souza@inss.gov.br", "_self");
                });
    }

    @Test
    void something_that_is_no_e_mail_address_is_refused_with_a_message() {
        show(null);
        EmailField email = _get(EmailField.class, spec -> spec.withId("email"));
        _setValue(email, "ana.souza");
        _click(_get(Button.class, spec -> spec.withId("continue")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter an e-mail address such as name@institution.org.");
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .noneSatisfy(js -> assertThat(js.getInvocation().getParameters()).anyMatch(
                        p -> String.valueOf(p).contains("oauth2/authorization")));
    }

    @Test
    void a_failed_sign_in_is_explained() {
        show("refused-inactive");
        assertThat(_get(Paragraph.class, spec -> spec.withId("sign-in-error")).getText())
                .isEqualTo("Your access to TC Workspace has been deactivated. Contact the General Secretariat.");
    }

    @Test
    void an_unknown_reason_reads_as_a_plain_failure() {
        show("<script>");
        assertThat(_get(Paragraph.class, spec -> spec.withId("sign-in-error")).getText())
                .isEqualTo("Sign-in did not complete. Please try again.");
    }

    @Test
    void while_keycloak_is_unreachable_the_page_says_the_service_is_unavailable() {
        available = false;
        show(null);
        Div unavailable = _get(Div.class, spec -> spec.withId("sign-in-unavailable"));
        assertThat(unavailable.getElement().getTextRecursively()).contains("Sign-in service unavailable");
        assertThat(_find(EmailField.class)).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("sign-in-keycloak"))).isEmpty();
    }

    @Test
    void the_unavailable_page_speaks_the_users_language() {
        available = false;
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        show("unavailable");
        assertThat(_get(Div.class, spec -> spec.withId("sign-in-unavailable")).getElement().getTextRecursively())
                .contains("Anmeldedienst nicht verfügbar");
    }
}
