package org.issa.tcw.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.EditDialog;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.base.ui.FormBinder;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.SearchField;
import org.issa.tcw.people.InstitutionOption;
import org.issa.tcw.people.InstitutionService;
import org.issa.tcw.people.PersonForm;
import org.issa.tcw.people.PersonRow;
import org.issa.tcw.people.PersonService;

/** The people who use the workspace, managed by administrators and the secretariat. */
@Route("admin/people")
@Menu(title = "nav.admin.people", order = 110, icon = "tcw:users")
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class PeopleAdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<PersonRow> grid = new Grid<>();
    final SearchField filter = new SearchField();
    private final PersonService people;
    private final InstitutionService institutions;

    PeopleAdminView(PersonService people, InstitutionService institutions) {
        this.people = people;
        this.institutions = institutions;
        addClassName("tcw-page");
        setSizeFull();

        filter.configure(getTranslation("people.filter"), () -> grid.getDataProvider().refreshAll());

        grid.setId("person-grid");
        grid.addColumn(PersonRow::displayName).setHeader(getTranslation("person.name")).setKey("name")
                .setSortProperty("lastName", "firstName").setFlexGrow(2);
        grid.addColumn(PersonRow::username).setHeader(getTranslation("person.username")).setKey("username")
                .setSortProperty("username").setAutoWidth(true);
        grid.addColumn(PersonRow::email).setHeader(getTranslation("person.email")).setKey("email")
                .setSortProperty("email").setFlexGrow(2);
        grid.addColumn(r -> r.institutionName() == null ? "" : r.institutionName())
                .setHeader(getTranslation("person.institution")).setKey("institution").setFlexGrow(3);
        grid.addColumn(r -> Formats.country(r.countryCode(), getLocale())).setHeader(getTranslation("institution.country"))
                .setKey("country").setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.active() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("person.active")).setKey("active").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            var edit = new Button(VaadinIcon.EDIT.create(), e -> edit(people.load(r.id())));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setAriaLabel(getTranslation("common.edit"));
            var delete = new Button(VaadinIcon.TRASH.create(), e -> ConfirmDelete.open(this, r.displayName(), () -> {
                if (Feedback.run(this, () -> people.delete(r.id()))) {
                    Feedback.success(getTranslation("common.deleted"));
                    grid.getDataProvider().refreshAll();
                }
            }));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel(getTranslation("common.delete"));
            return new HorizontalLayout(edit, delete);
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> people.page(filter.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) people.count(filter.getValue()));
        grid.addItemDoubleClickListener(e -> edit(people.load(e.getItem().id())));

        var create = new Button(getTranslation("people.new"), VaadinIcon.PLUS.create(), e -> edit(new PersonForm()));
        create.setId("new-person");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.admin.people")), new HorizontalLayout(filter, create), grid);
        setFlexGrow(1, grid);
    }

    /** Opens the form for a new or existing person. */
    void edit(PersonForm form) {
        var username = Fields.text(new TextField(), "person.username", 100);
        username.setId("username");
        username.setReadOnly(form.getId() != null);
        var email = new EmailField(getTranslation("person.email"));
        email.setMaxLength(254);
        email.setId("email");
        var first = Fields.text(new TextField(), "person.first-name", 100);
        first.setId("first-name");
        var last = Fields.text(new TextField(), "person.last-name", 100);
        last.setId("last-name");
        List<InstitutionOption> options = institutions.options();
        Map<Long, InstitutionOption> byId = options.stream()
                .collect(Collectors.toMap(InstitutionOption::id, Function.identity()));
        var institution = new ComboBox<InstitutionOption>(getTranslation("person.institution"));
        institution.setId("institution");
        institution.setItems(options);
        institution.setItemLabelGenerator(o -> Formats.institution(o.name(), o.countryCode(), getLocale()));
        institution.setClearButtonVisible(true);
        var active = new Checkbox(getTranslation("person.active"));
        active.setId("active");

        // the rules are PersonForm's annotations, shown here and enforced by PersonService
        var binder = new FormBinder<>(PersonForm.class);
        binder.forField(username).bind("username");
        binder.forField(email).bind("email");
        binder.forField(first).bind("firstName");
        binder.forField(last).bind("lastName");
        binder.forField(institution).bind(f -> f.getInstitutionId() == null ? null : byId.get(f.getInstitutionId()),
                (f, o) -> f.setInstitutionId(o == null ? null : o.id()));
        binder.forField(active).bind(PersonForm::isActive, PersonForm::setActive);
        var layout = new FormLayout(first, last, username, email, institution, active);
        String title = form.getId() == null ? "person.new.title" : "person.edit.title";
        var dialog = new EditDialog<>("person-dialog", title, binder, form, f -> people.save(f),
                () -> grid.getDataProvider().refreshAll(), layout);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.people") + " · " + getTranslation("app.title");
    }
}
