package org.issa.tcw.commission.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.EditDialog;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.base.ui.FormBinder;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.SearchField;
import org.issa.tcw.commission.CommissionForm;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.commission.MembershipService;
import org.issa.tcw.people.PersonService;

/** The secretariat's commission administration: create, rename, retire, delete, and memberships. */
@Route("admin/commissions")
@Menu(title = "nav.admin.commissions", order = 120, icon = "tcw:cluster")
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class CommissionsAdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<CommissionSummary> grid = new Grid<>();
    final SearchField filter = new SearchField();
    private final CommissionService commissions;
    private final MembershipService memberships;
    private final PersonService people;
    private final Clock clock;

    CommissionsAdminView(CommissionService commissions, MembershipService memberships, PersonService people,
            Clock clock) {
        this.commissions = commissions;
        this.memberships = memberships;
        this.people = people;
        this.clock = clock;
        addClassName("tcw-page");
        setSizeFull();

        filter.configure(getTranslation("commissions.filter"), () -> grid.getDataProvider().refreshAll());

        grid.setId("commission-admin-grid");
        grid.addColumn(CommissionSummary::code).setHeader(getTranslation("commission.code")).setKey("code")
                .setSortProperty("code").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CommissionSummary::name).setHeader(getTranslation("commission.name")).setKey("name")
                .setSortProperty("name").setFlexGrow(3);
        grid.addColumn(c -> c.chairName() == null ? "" : c.chairName()).setHeader(getTranslation("commission.chair"))
                .setKey("chair").setFlexGrow(2);
        grid.addColumn(c -> Formats.number(c.memberCount(), getLocale())).setHeader(getTranslation("commission.members"))
                .setKey("members").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> getTranslation(c.active() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("commission.active")).setKey("active").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(c -> {
            var members = new Button(getTranslation("memberships.open"), VaadinIcon.USERS.create(),
                    e -> openMemberships(c));
            members.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            members.setId("memberships-" + c.code());
            var edit = new Button(VaadinIcon.EDIT.create(), e -> edit(commissions.load(c.id())));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setAriaLabel(getTranslation("common.edit"));
            edit.setId("edit-" + c.code());
            var delete = new Button(VaadinIcon.TRASH.create(), e -> ConfirmDelete.open(this, c.code(), () -> {
                if (Feedback.run(this, () -> commissions.delete(c.id()))) {
                    Feedback.success(getTranslation("common.deleted"));
                    grid.getDataProvider().refreshAll();
                }
            }));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel(getTranslation("common.delete"));
            delete.setId("delete-" + c.code());
            return new HorizontalLayout(members, edit, delete);
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> commissions.page(filter.getValue(), true, VaadinSpringDataHelpers.toSpringPageRequest(q))
                .stream(), q -> (int) commissions.count(filter.getValue(), true));

        var create = new Button(getTranslation("commissions.new"), VaadinIcon.PLUS.create(),
                e -> edit(new CommissionForm()));
        create.setId("new-commission");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.admin.commissions")), new HorizontalLayout(filter, create), grid);
        setFlexGrow(1, grid);
    }

    void openMemberships(CommissionSummary commission) {
        new MembershipsDialog(commission, memberships, people, clock, () -> grid.getDataProvider().refreshAll())
                .open();
    }

    /** Opens the form for a new or existing commission. */
    void edit(CommissionForm form) {
        var code = Fields.text(new TextField(), "commission.code", 10);
        code.setId("code");
        code.setReadOnly(form.getId() != null);
        var name = Fields.text(new TextField(), "commission.name", 200);
        name.setId("name");
        var mandate = Fields.text(new TextArea(), "commission.mandate", 4000);
        mandate.setId("mandate");
        var active = new Checkbox(getTranslation("commission.active"));
        active.setId("active");

        // the rules are CommissionForm's annotations, shown here and enforced by CommissionService
        var binder = new FormBinder<>(CommissionForm.class);
        binder.forField(code).bind("code");
        binder.forField(name).bind("name");
        binder.forField(mandate).bind("mandate");
        binder.forField(active).bind(CommissionForm::isActive, CommissionForm::setActive);
        var layout = new FormLayout(code, name, mandate, active);
        layout.setColspan(mandate, 2);
        String title = form.getId() == null ? "commission.new.title" : "commission.edit.title";
        var dialog = new EditDialog<>("commission-dialog", title, binder, form, f -> commissions.save(f),
                () -> grid.getDataProvider().refreshAll(), layout);
        dialog.setWidth("40rem");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.commissions") + " · " + getTranslation("app.title");
    }
}
