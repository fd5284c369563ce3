package org.issa.tcw.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.menubar.MenuBar;
import org.issa.tcw.base.ui.AccessDeniedView;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.ExternalIdentity;
import org.issa.tcw.security.PersonDirectory;
import org.issa.tcw.testsupport.KaribuTest;
import org.issa.tcw.testsupport.StaticHtmlParts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The views with the principal a Keycloak sign-in leaves (OAuth2AuthenticationToken + DefaultOidcUser). */
class OidcPrincipalViewTest extends KaribuTest {

    @Autowired
    CurrentUser currentUser;

    @Autowired
    PersonDirectory directory;

    @Test
    void a_chair_signed_in_through_keycloak_sees_her_commission_on_the_dashboard() {
        signInWithSsoAs("kc-sub-chair-ict", "chair-ict");
        navigate("");
        assertThat(StaticHtmlParts.page().getElementById("commission-card-ICT").text()).contains("Chair");
        assertThat(currentUser.require().displayName()).isEqualTo("Mariana Costa");
    }

    @Test
    void the_secretariat_role_from_keycloak_opens_every_commission() {
        signInWithSsoAs("kc-sub-secretariat", "secretariat", "secretariat");
        navigate("");
        assertThat(StaticHtmlParts.page().select("div.tcw-card").size()).isGreaterThanOrEqualTo(9);
        assertThat(currentUser.require().isSecretariat()).isTrue();
    }

    @Test
    void a_member_signed_in_through_keycloak_is_denied_the_administration() {
        signInWithSsoAs("kc-sub-member-ict", "member-ict");
        navigate("admin/institutions");
        _get(AccessDeniedView.class);
    }

    @Test
    void a_person_provisioned_from_a_token_is_found_by_subject() {
        directory.signedIn(new ExternalIdentity("kc-sub-luiza", "inss-br.luiza", "luiza@inss.gov.br", "Luiza", "Ramos",
                "inss-br", java.util.Set.of()));
        signInWithSsoAs("kc-sub-luiza", "inss-br.luiza");
        navigate("");
        _get(MenuBar.class, spec -> spec.withId("user-menu"));
        assertThat(currentUser.require().displayName()).isEqualTo("Luiza Ramos");
        assertThat(currentUser.require().institutionName()).isEqualTo("National Social Security Institute (Brazil)");
    }

    @Test
    void the_signed_out_page_is_open_to_anyone_and_offers_to_sign_in_again() {
        navigate("signed-out");
        assertThat(_get(H2.class).getText()).isEqualTo("You have signed out");
        assertThat(_get(Anchor.class, spec -> spec.withId("sign-in-again")).getHref()).isEqualTo("login");
    }
}
