package org.issa.tcw.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.EditDialog;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.base.ui.FormBinder;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.SearchField;
import org.issa.tcw.people.InstitutionForm;
import org.issa.tcw.people.InstitutionRow;
import org.issa.tcw.people.InstitutionService;
import org.issa.tcw.people.MembershipType;
import org.issa.tcw.people.Region;
import org.issa.tcw.security.CurrentUser;

/** Member institutions: administrators edit them (identity-provider links included); the secretariat looks. */
@Route("admin/institutions")
@Menu(title = "nav.admin.institutions", order = 100, icon = "tcw:institution")
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class InstitutionsAdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<InstitutionRow> grid = new Grid<>();
    final SearchField filter = new SearchField();
    private final InstitutionService institutions;
    private final boolean canEdit;

    InstitutionsAdminView(InstitutionService institutions, CurrentUser currentUser) {
        this.institutions = institutions;
        this.canEdit = currentUser.require().isAdmin();
        addClassName("tcw-page");
        setSizeFull();

        filter.configure(getTranslation("institutions.filter"), () -> grid.getDataProvider().refreshAll());

        grid.setId("institution-grid");
        grid.addColumn(InstitutionRow::name).setHeader(getTranslation("institution.name")).setKey("name")
                .setSortProperty("name").setFlexGrow(3);
        grid.addColumn(r -> r.acronym() == null ? "" : r.acronym()).setHeader(getTranslation("institution.acronym"))
                .setKey("acronym").setSortProperty("acronym").setAutoWidth(true);
        grid.addColumn(r -> Formats.country(r.countryCode(), getLocale())).setHeader(getTranslation("institution.country"))
                .setKey("country").setSortProperty("countryCode").setAutoWidth(true);
        grid.addColumn(r -> getTranslation("region." + r.region().name())).setHeader(getTranslation("institution.region"))
                .setKey("region").setSortProperty("region").setAutoWidth(true);
        grid.addColumn(r -> getTranslation("membership-type." + r.membershipType().name()))
                .setHeader(getTranslation("institution.type")).setKey("type").setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.emailDomains())).setHeader(getTranslation("institution.email-domains"))
                .setKey("domains").setFlexGrow(2);
        grid.addColumn(r -> r.idpAlias() == null ? "" : r.idpAlias()).setHeader(getTranslation("institution.idp-alias"))
                .setKey("idp").setAutoWidth(true);
        grid.setItems(q -> institutions.page(filter.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) institutions.count(filter.getValue()));
        if (canEdit) {
            grid.addItemDoubleClickListener(e -> edit(institutions.load(e.getItem().id())));
            grid.addComponentColumn(r -> {
                var edit = new Button(VaadinIcon.EDIT.create(), e -> edit(institutions.load(r.id())));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                edit.setAriaLabel(getTranslation("common.edit"));
                var delete = new Button(VaadinIcon.TRASH.create(), e -> ConfirmDelete.open(this, r.name(),
                        () -> {
                            if (Feedback.run(this, () -> institutions.delete(r.id()))) {
                                Feedback.success(getTranslation("common.deleted"));
                                grid.getDataProvider().refreshAll();
                            }
                        }));
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                delete.setAriaLabel(getTranslation("common.delete"));
                return new HorizontalLayout(edit, delete);
            }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        }

        var create = new Button(getTranslation("institutions.new"), VaadinIcon.PLUS.create(),
                e -> edit(new InstitutionForm()));
        create.setId("new-institution");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(canEdit);
        var toolbar = new HorizontalLayout(filter, create);
        add(new H2(getTranslation("nav.admin.institutions")), toolbar, grid);
        setFlexGrow(1, grid);
    }

    /** Opens the form for a new or existing institution. */
    void edit(InstitutionForm form) {
        var name = Fields.text(new TextField(), "institution.name", 200);
        name.setId("name");
        var acronym = Fields.text(new TextField(), "institution.acronym", 30);
        acronym.setId("acronym");
        var country = new TextField(getTranslation("institution.country-code"));
        country.setId("country");
        country.setMaxLength(2);
        country.setHelperText(getTranslation("institution.country-code.help"));
        var region = new ComboBox<Region>(getTranslation("institution.region"));
        region.setId("region");
        region.setItems(Region.values());
        region.setItemLabelGenerator(r -> getTranslation("region." + r.name()));
        var type = new RadioButtonGroup<MembershipType>(getTranslation("institution.type"));
        type.setId("type");
        type.setItems(MembershipType.values());
        type.setItemLabelGenerator(t -> getTranslation("membership-type." + t.name()));
        var domains = new TextArea(getTranslation("institution.email-domains"));
        domains.setId("domains");
        domains.setHelperText(getTranslation("institution.email-domains.help"));
        var idp = Fields.text(new TextField(), "institution.idp-alias", 60);
        idp.setId("idp-alias");
        idp.setHelperText(getTranslation("institution.idp-alias.help"));

        // the rules are InstitutionForm's annotations, shown here and enforced by InstitutionService
        var binder = new FormBinder<>(InstitutionForm.class);
        binder.forField(name).bind("name");
        binder.forField(acronym).bind("acronym");
        binder.forField(country).bind("countryCode");
        binder.forField(region).bind("region");
        binder.forField(type).bind("membershipType");
        binder.forField(domains).bind("emailDomains");
        binder.forField(idp).bind("idpAlias");
        var layout = new FormLayout(name, acronym, country, region, type, idp, domains);
        layout.setColspan(name, 2);
        layout.setColspan(domains, 2);
        String title = form.getId() == null ? "institution.new.title" : "institution.edit.title";
        var dialog = new EditDialog<>("institution-dialog", title, binder, form, f -> institutions.save(f),
                () -> grid.getDataProvider().refreshAll(), layout);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.institutions") + " · " + getTranslation("app.title");
    }
}
