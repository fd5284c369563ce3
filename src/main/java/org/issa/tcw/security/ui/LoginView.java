package org.issa.tcw.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.issa.tcw.security.DemoAccounts;
import org.issa.tcw.security.SingleSignOn;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The sign-in page. With single sign-on (profile {@code sso}) it routes people to Keycloak: by work
 * e-mail, by institution, or to Keycloak's own form, and says when the sign-in service is
 * unavailable. Without it (the embedded demo) it is the local form listing the demo accounts.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final @Nullable SsoSignInPanel sso;

    public LoginView(Environment environment, ObjectProvider<SingleSignOn> singleSignOn) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        addClassName("tcw-login");

        SingleSignOn available = singleSignOn.getIfAvailable();
        sso = available == null ? null : new SsoSignInPanel(available);
        add(new H1(getTranslation("app.title")), new Paragraph(getTranslation("login.tagline")));
        if (sso != null) {
            add(sso);
            return;
        }
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        form.setId("login-form");

        add(form);
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            add(demoAccounts());
        }
    }

    private Div demoAccounts() {
        var box = new Div();
        box.setId("demo-accounts");
        box.addClassName("tcw-demo-accounts");
        box.add(new H2(getTranslation("login.demo.title")));
        box.add(new Paragraph(getTranslation("login.demo.hint", DemoAccounts.PASSWORD)));
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            var line = new Div(new Span(account.username()), new Span(" — " + getTranslation(account.descriptionKey())));
            line.addClassName("tcw-demo-account");
            box.add(line);
        }
        return box;
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (sso != null) {
            sso.show(event.getLocation().getQueryParameters().getSingleParameter("error").orElse(null));
            return;
        }
        var error = event.getLocation().getQueryParameters().getSingleParameter("error");
        // too many failed attempts: a different message, the right password is refused for a while
        boolean locked = error.filter("locked"::equals).isPresent();
        if (locked) {
            LoginI18n i18n = i18n();
            i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.locked.message"));
            form.setI18n(i18n);
        }
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.title");
    }
}
