package org.issa.tcw.documents.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.documents.consultation.ConsultationContacts;
import org.issa.tcw.documents.consultation.ConsultationService;
import org.issa.tcw.documents.consultation.ConsultationService.AudienceOption;
import org.issa.tcw.documents.consultation.ContactRow;

/**
 * The secretariat's list of each member institution's contact people for consultations: add one
 * (an institution, then a person), remove one. The service checks the role and the input.
 */
@Route("admin/consultation-contacts")
@Menu(title = "nav.admin.consultation-contacts", order = 105, icon = "tcw:envelopes-o")
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class ContactsAdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ContactRow> grid = new Grid<>();
    final ComboBox<AudienceOption> institution = new ComboBox<>();
    final ComboBox<AudienceOption> person = new ComboBox<>();
    final Button add = new Button();
    private final ConsultationContacts contacts;

    ContactsAdminView(ConsultationContacts contacts, ConsultationService consultations) {
        this.contacts = contacts;
        addClassName("tcw-page");
        setSizeFull();

        institution.setId("contact-institution");
        institution.setLabel(getTranslation("consultation.contact.institution"));
        institution.setItems(consultations.institutionOptions());
        institution.setItemLabelGenerator(AudienceOption::label);
        institution.setWidth("22em");
        institution.addValueChangeListener(e -> {
            person.clear();
            person.setItems(e.getValue() == null ? List.of() : contacts.candidates(e.getValue().id()));
        });
        person.setId("contact-person");
        person.setLabel(getTranslation("consultation.contact.person"));
        person.setItemLabelGenerator(AudienceOption::label);
        person.setWidth("24em");
        add.setText(getTranslation("consultation.contact.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.setId("contact-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> add());
        var form = new HorizontalLayout(institution, person, add);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("contact-grid");
        grid.addColumn(ContactRow::institution).setHeader(getTranslation("consultation.contact.institution"))
                .setKey("institution").setFlexGrow(2);
        grid.addColumn(ContactRow::name).setHeader(getTranslation("consultation.contact.person")).setKey("name")
                .setFlexGrow(2);
        grid.addColumn(ContactRow::email).setHeader(getTranslation("consultation.contact.email")).setKey("email")
                .setFlexGrow(2);
        grid.addColumn(r -> r.active() ? "" : getTranslation("consultation.contact.inactive-person"))
                .setKey("active").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            var remove = new Button(VaadinIcon.TRASH.create(), e -> ConfirmDelete.open(this,
                    r.name() + " · " + r.institution(), () -> remove(r)));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("consultation.contact.remove"));
            remove.setId("contact-remove-" + r.institutionId() + "-" + r.personId());
            return remove;
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);

        add(new H2(getTranslation("nav.admin.consultation-contacts")),
                new Paragraph(getTranslation("consultation.contact.help")), form, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    void add() {
        Long institutionId = institution.getValue() == null ? null : institution.getValue().id();
        Long personId = person.getValue() == null ? null : person.getValue().id();
        if (Feedback.run(this, () -> contacts.add(institutionId, personId))) {
            Feedback.success(getTranslation("common.saved"));
            person.clear();
            person.setItems(institutionId == null ? List.of() : contacts.candidates(institutionId));
            refresh();
        }
    }

    void remove(ContactRow row) {
        if (Feedback.run(this, () -> contacts.remove(row.institutionId(), row.personId()))) {
            Feedback.success(getTranslation("common.deleted"));
            refresh();
        }
    }

    void refresh() {
        grid.setItems(contacts.contacts());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.consultation-contacts") + " · " + getTranslation("app.title");
    }
}
