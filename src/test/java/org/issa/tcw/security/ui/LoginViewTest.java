package org.issa.tcw.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.login.LoginForm;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void the_demo_login_page_lists_the_demo_accounts() {
        navigate("login");
        String text = _get(Div.class, spec -> spec.withId("demo-accounts")).getElement().getTextRecursively();
        assertThat(text).contains("admin", "secretariat", "chair-ict", "member-ict", "observer-ict", "member-fam",
                "\"demo\"");
        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void a_failed_sign_in_shows_the_error() {
        com.vaadin.flow.component.UI.getCurrent().navigate("login",
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("error", "")));
        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    @Test
    void a_locked_sign_in_says_so_instead_of_wrong_password() {
        com.vaadin.flow.component.UI.getCurrent().navigate("login",
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("error", "locked")));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n")))
                .contains("Too many failed sign-ins").contains("paused for a few minutes")
                .doesNotContain("Incorrect username or password");
    }
}
