package org.issa.tcw.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import org.issa.tcw.security.ui.LoginView;
import org.issa.tcw.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The sign-in page's UI is closed on the server when its person signs in (ADR 116): the form's POST
 * to {@code /login} goes through the application's real security filter chain with the HTTP session
 * that holds the page's Vaadin session, as the browser's request does.
 */
class SignInPagesReleaseTest extends KaribuTest {

    @Test
    void signing_in_closes_the_sign_in_page_of_the_session() throws Exception {
        navigate("login");
        UI signInPage = UI.getCurrent();
        _get(LoginView.class);
        assertThat(openUis()).isEqualTo(1);

        MvcResult result = signInThroughTheForm("member-ict", "demo");

        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(signInPage.isClosing()).as("the sign-in page's UI").isTrue();
        assertThat(openUis()).as("UIs of the session left open after signing in").isZero();
    }

    @Test
    void a_failed_sign_in_keeps_the_page_and_another_sign_in_leaves_signed_in_pages_open() throws Exception {
        navigate("login");
        MvcResult failed = signInThroughTheForm("member-ict", "wrong password");
        assertThat(failed.getResponse().getRedirectedUrl()).contains("error");
        assertThat(UI.getCurrent().isClosing()).isFalse();

        signInAs("chair-ict");
        navigate("");
        assertThat(UI.getCurrent().isClosing()).isFalse();
        signInThroughTheForm("member-ict", "demo");
        assertThat(UI.getCurrent().isClosing()).as("a page that is not the sign-in page").isFalse();
        assertThat(openUis()).isEqualTo(1);
    }

    /** The browser's POST to /login, carrying the HTTP session (and so the Vaadin session) of the page. */
    private MvcResult signInThroughTheForm(String username, String password) throws Exception {
        HttpSession pageSession = ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession();
        MockHttpSession session = new MockHttpSession();
        for (String name : Collections.list(pageSession.getAttributeNames())) {
            session.setAttribute(name, pageSession.getAttribute(name));
        }
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity())
                .build();
        return mvc.perform(post("/login").session(session).param("username", username).param("password", password)
                .with(csrf())).andReturn();
    }

    private static long openUis() {
        return VaadinSession.getCurrent().getUIs().stream().filter(ui -> !ui.isClosing()).count();
    }
}
