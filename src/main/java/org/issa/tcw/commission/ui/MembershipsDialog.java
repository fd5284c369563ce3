package org.issa.tcw.commission.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.LocalDate;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.commission.MembershipService;
import org.issa.tcw.people.PersonOption;
import org.issa.tcw.people.PersonService;

/** A commission's memberships: add a person, change a role, end a membership, confirm a chair's proposal. */
class MembershipsDialog extends Dialog {

    final Grid<MemberRow> grid = new Grid<>();
    final ComboBox<PersonOption> person = new ComboBox<>();
    final Select<CommissionRole> role = new Select<>();
    final DatePicker start = new DatePicker();
    private final CommissionSummary commission;
    private final MembershipService memberships;
    private final Runnable onChange;

    MembershipsDialog(CommissionSummary commission, MembershipService memberships, PersonService people, Clock clock,
            Runnable onChange) {
        this.commission = commission;
        this.memberships = memberships;
        this.onChange = onChange;
        setId("memberships-dialog");
        setHeaderTitle(getTranslation("memberships.title", commission.code() + " · " + commission.name()));
        setWidth("min(64rem, 95vw)");
        setHeight("80vh");

        person.setId("person");
        person.setLabel(getTranslation("membership.person"));
        person.setItems(q -> people.options(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        person.setItemLabelGenerator(PersonOption::label);
        person.setWidth("24rem");
        role.setId("role");
        role.setLabel(getTranslation("membership.role"));
        role.setItems(CommissionRole.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(CommissionRole.MEMBER);
        start.setId("start");
        Fields.date(start, "membership.start");
        start.setLocale(getLocale());
        start.setValue(LocalDate.now(clock.withZone(UserZone.current())));
        var add = new Button(getTranslation("membership.add"), e -> add());
        add.setId("add-membership");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(person, role, start, add);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("membership-grid");
        grid.addColumn(MemberRow::displayName).setHeader(getTranslation("membership.person")).setFlexGrow(2);
        grid.addColumn(m -> m.institutionName() == null ? "" : m.institutionName())
                .setHeader(getTranslation("person.institution")).setFlexGrow(2);
        grid.addComponentColumn(this::roleSelect).setHeader(getTranslation("membership.role")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation("membership.status." + m.status())).setHeader(getTranslation("membership.status"))
                .setAutoWidth(true);
        grid.addColumn(m -> Formats.date(m.startDate(), getLocale())).setHeader(getTranslation("membership.start"))
                .setAutoWidth(true);
        grid.addColumn(m -> Formats.date(m.endDate(), getLocale())).setHeader(getTranslation("membership.end"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.setHeightFull();
        add(form, grid);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
        refresh();
    }

    void add() {
        if (person.getValue() == null) {
            person.setInvalid(true);
            person.setErrorMessage(getTranslation("validation.required", getTranslation("membership.person")));
            return;
        }
        if (Fields.unreadable(start)) {
            return; // the field says what is wrong: a typed date that cannot be read is not "missing"
        }
        if (start.getValue() == null) {
            start.setInvalid(true);
            start.setErrorMessage(getTranslation("validation.required", getTranslation("membership.start")));
            return;
        }
        if (Feedback.run(this, () -> memberships.add(commission.id(), person.getValue().id(), role.getValue(),
                start.getValue()))) {
            Feedback.success(getTranslation("membership.added"));
            person.clear();
            person.setInvalid(false);
            refresh();
        }
    }

    private Select<CommissionRole> roleSelect(MemberRow m) {
        var select = new Select<CommissionRole>();
        select.setItems(CommissionRole.values());
        select.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        select.setValue(m.role());
        select.setEnabled(m.isActive() || m.isProposed());
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && e.getValue() != m.role()) {
                if (Feedback.run(this, () -> memberships.changeRole(m.membershipId(), m.version(), e.getValue()))) {
                    Feedback.success(getTranslation("common.saved"));
                }
                refresh();
            }
        });
        return select;
    }

    private HorizontalLayout actions(MemberRow m) {
        var layout = new HorizontalLayout();
        if (m.isProposed()) {
            var confirm = new Button(getTranslation("membership.confirm"),
                    e -> act(() -> memberships.confirm(m.membershipId(), m.version())));
            confirm.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
            var decline = new Button(getTranslation("membership.decline"),
                    e -> act(() -> memberships.decline(m.membershipId(), m.version())));
            decline.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            layout.add(confirm, decline);
        } else if (m.isActive()) {
            var end = new Button(getTranslation("membership.end-action"),
                    e -> act(() -> memberships.end(m.membershipId(), m.version())));
            end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            end.setId("end-" + m.membershipId());
            layout.add(end);
        }
        return layout;
    }

    private void act(Runnable action) {
        if (Feedback.run(this, action)) {
            Feedback.success(getTranslation("common.saved"));
        }
        refresh();
    }

    void refresh() {
        grid.setItems(memberships.ofCommission(commission.id()));
        onChange.run();
    }
}
