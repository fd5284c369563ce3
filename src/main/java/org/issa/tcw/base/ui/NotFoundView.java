package org.issa.tcw.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for a page that does not exist or that the user may not open (Vaadin's access control
 * reroutes a refused navigation here in production, so it does not reveal which pages exist).
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("not-found");
        add(new H2(getTranslation("error.page-not-found.title")),
                new Paragraph(getTranslation("error.page-not-found.text")),
                new Anchor("", getTranslation("error.back-to-dashboard")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
