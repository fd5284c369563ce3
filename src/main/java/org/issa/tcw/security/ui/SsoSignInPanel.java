package org.issa.tcw.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import java.util.Set;
import java.util.regex.Pattern;
import org.issa.tcw.security.InstitutionSignIn;
import org.issa.tcw.security.SingleSignOn;
import org.jspecify.annotations.Nullable;

/**
 * The sign-in page's content with single sign-on: the work e-mail first (the institution owning
 * its domain signs the person in, else Keycloak's own form does), one button per institution with
 * its own identity provider, and Keycloak's form for accounts of the realm itself. While Keycloak
 * cannot be reached it says so instead.
 */
class SsoSignInPanel extends VerticalLayout {

    /** Reasons {@code /login?error=<reason>} may carry; others show the generic failure. */
    private static final Set<String> REASONS = Set.of("failed", "unavailable", "refused-inactive", "refused-conflict",
            "refused-incomplete");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SingleSignOn sso;

    SsoSignInPanel(SingleSignOn sso) {
        this.sso = sso;
        setId("sso-sign-in");
        setPadding(false);
        setAlignItems(Alignment.STRETCH);
        setMaxWidth("28rem");
    }

    /** (Re)draws the panel; {@code error} is the reason of a failed sign-in, if any. */
    void show(@Nullable String error) {
        removeAll();
        if (!sso.available()) {
            showUnavailable();
            return;
        }
        if (error != null) {
            var message = new Paragraph(getTranslation("sso.error." + (REASONS.contains(error) ? error : "failed")));
            message.setId("sign-in-error");
            message.addClassName("tcw-sign-in-error");
            add(message);
        }
        add(new H2(getTranslation("sso.email.title")));
        var email = new EmailField(getTranslation("sso.email.label"));
        email.setId("email");
        email.setPlaceholder(getTranslation("sso.email.placeholder"));
        email.setWidthFull();
        var next = new Button(getTranslation("sso.email.continue"), e -> continueWith(email));
        next.setId("continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickShortcut(Key.ENTER);
        add(email, next);

        var institutions = sso.institutions();
        if (!institutions.isEmpty()) {
            add(new H3(getTranslation("sso.institutions.title")));
            for (InstitutionSignIn institution : institutions) {
                add(link("idp-" + institution.identityProvider(),
                        getTranslation("sso.institutions.button", institution.institutionName()),
                        sso.institutionSignInUrl(institution.identityProvider())));
            }
        }
        add(new H3(getTranslation("sso.account.title")));
        add(link("sign-in-keycloak", getTranslation("sso.account.button"), sso.signInUrl()));
    }

    private void continueWith(EmailField field) {
        String value = field.getValue() == null ? "" : field.getValue().trim();
        if (!EMAIL.matcher(value).matches()) {
            field.setInvalid(true);
            field.setErrorMessage(getTranslation("sso.email.invalid"));
            return;
        }
        field.setInvalid(false);
        UI.getCurrent().getPage().setLocation(sso.emailSignInUrl(value));
    }

    private void showUnavailable() {
        var box = new Div();
        box.setId("sign-in-unavailable");
        box.addClassName("tcw-sign-in-unavailable");
        box.add(new H2(getTranslation("sso.unavailable.title")), new Paragraph(getTranslation("sso.unavailable.text")));
        // a plain link: loads the page again, which checks Keycloak again
        var retry = new Anchor("login", getTranslation("sso.unavailable.retry"));
        retry.setId("retry");
        retry.setRouterIgnore(true);
        box.add(retry);
        add(box);
    }

    /** A full-page link (not a router link): the OAuth2 endpoints are not views. */
    private static Anchor link(String id, String text, String href) {
        var anchor = new Anchor(href, text);
        anchor.setId(id);
        anchor.setRouterIgnore(true);
        anchor.addClassName("tcw-sign-in-link");
        return anchor;
    }
}
