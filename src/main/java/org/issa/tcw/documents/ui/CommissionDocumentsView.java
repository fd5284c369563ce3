package org.issa.tcw.documents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.exchange.ui.ExchangeControls;
import org.issa.tcw.documents.templates.DocumentTemplates;

/** A commission's documents in a lazy grid, and (for those who may write drafts) a new document. */
@Route("commissions/:code/documents")
@PermitAll
class CommissionDocumentsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DocumentService documents;
    private final CommissionService commissions;
    private final CommissionAccess access;
    private final ExchangeControls exchange;
    private final DocumentTemplates templates;
    private String title = "";
    DocumentGrid grid;
    Button create;

    @SuppressWarnings("NullAway.Init") // the fields are set in beforeEnter, before anything uses them
    CommissionDocumentsView(DocumentService documents, CommissionService commissions, CommissionAccess access,
            ExchangeControls exchange, DocumentTemplates templates) {
        this.exchange = exchange;
        this.templates = templates;
        this.documents = documents;
        this.commissions = commissions;
        this.access = access;
        addClassName("tcw-page");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        CommissionDetails commission = commissions.details(code).orElseThrow(NotFoundException::new);
        if (!access.may(CommissionAction.READ, commission.id())) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class, getTranslation("document.refused.read"));
            return;
        }
        title = getTranslation("documents.of-commission", commission.code());
        removeAll();
        var heading = new H2(title);
        heading.setId("documents-title");
        grid = new DocumentGrid(false, page -> documents.page(commission.code(), page),
                () -> documents.count(commission.code()));
        var header = new HorizontalLayout(heading);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(heading);
        if (access.may(CommissionAction.EDIT_DRAFT, commission.id())) {
            create = new Button(getTranslation("documents.new"), VaadinIcon.PLUS.create(), e -> openCreate(commission.code()));
            create.setId("new-document");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(exchange.newFromWord(commission.code()), create);
        }
        add(header, grid);
        setFlexGrow(1, grid);
    }

    void openCreate(String code) {
        new DocumentDialog(templates::list, (form, templateId) -> Feedback.run(this, () -> {
            long id = templateId == null ? documents.create(code, form) : templates.newDocument(code, form, templateId);
            Feedback.success(getTranslation("documents.created"));
            getUI().ifPresent(ui -> ui.navigate("documents/" + id));
        })).open();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
