package org.issa.tcw.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where Keycloak sends the browser after signing out (RP-initiated logout): the Keycloak session
 * has ended too, so signing in again asks for credentials.
 */
@Route(value = "signed-out", autoLayout = false)
@AnonymousAllowed
class SignedOutView extends VerticalLayout implements HasDynamicTitle {

    SignedOutView() {
        setId("signed-out");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        var again = new Anchor("login", getTranslation("sso.signed-out.again"));
        again.setId("sign-in-again");
        add(new H1(getTranslation("app.title")), new H2(getTranslation("sso.signed-out.title")),
                new Paragraph(getTranslation("sso.signed-out.text")), again);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sso.signed-out.title") + " · " + getTranslation("app.title");
    }
}
