package org.issa.tcw.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a signed-in user opens a page their role does not allow. */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        setId("access-denied");
        add(new H2(getTranslation("error.access-denied.title")),
                new Paragraph(getTranslation("error.access-denied")),
                new Anchor("", getTranslation("error.back-to-dashboard")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
