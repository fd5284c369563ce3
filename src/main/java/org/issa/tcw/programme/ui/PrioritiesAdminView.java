package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.programme.EventKind;
import org.issa.tcw.programme.EventRow;
import org.issa.tcw.programme.PriorityRow;
import org.issa.tcw.programme.PriorityService;
import org.issa.tcw.programme.TrienniumRow;
import org.issa.tcw.programme.TrienniumService;
import org.issa.tcw.programme.TrienniumStatus;
import org.jspecify.annotations.Nullable;

/** The secretariat sets a triennium's programme priorities and fixed events. */
@Route("admin/priorities")
@Menu(title = "nav.admin.priorities", order = 131, icon = "tcw:list-ol")
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class PrioritiesAdminView extends VerticalLayout implements HasDynamicTitle {

    final Select<TrienniumRow> triennium = new Select<>();
    final Grid<PriorityRow> grid = new Grid<>();
    final TextField title = new TextField();
    final TextField description = new TextField();
    final IntegerField order = new IntegerField();
    final Button save = new Button();
    final Grid<EventRow> events = new Grid<>();
    final Select<EventKind> eventKind = new Select<>();
    final TextField eventTitle = new TextField();
    final DatePicker eventDate = new DatePicker();
    final Button addEvent = new Button();

    private final PriorityService priorities;
    private @Nullable PriorityRow editing;

    PrioritiesAdminView(PriorityService priorities, TrienniumService trienniums) {
        this.priorities = priorities;
        addClassName("tcw-page");
        triennium.setId("triennium");
        triennium.setLabel(getTranslation("triennium.label"));
        triennium.setItems(trienniums.all());
        triennium.setItemLabelGenerator(t -> t.label() + " · " + getTranslation("triennium.status." + t.status().name()));
        triennium.addValueChangeListener(e -> refresh());
        grid.setId("priority-grid");
        grid.addColumn(PriorityRow::sortOrder).setHeader("#").setAutoWidth(true);
        grid.addColumn(PriorityRow::title).setHeader(getTranslation("priority.title")).setFlexGrow(2).setKey("title");
        grid.addColumn(p -> p.description() == null ? "" : p.description()).setHeader(getTranslation("priority.description"))
                .setFlexGrow(3);
        grid.addComponentColumn(p -> {
            var edit = new Button(VaadinIcon.EDIT.create(), e -> edit(p));
            edit.setId("edit-priority-" + p.id());
            edit.setAriaLabel(getTranslation("common.edit"));
            var delete = new Button(VaadinIcon.TRASH.create(), e -> ConfirmDelete.open(this, p.title(), () -> {
                if (Feedback.run(this, () -> priorities.deletePriority(p.id()))) {
                    Feedback.success(getTranslation("common.deleted"));
                }
                refresh();
            }));
            delete.setId("delete-priority-" + p.id());
            delete.setAriaLabel(getTranslation("common.delete"));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            for (Button b : new Button[] {edit, delete}) {
                b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                b.setEnabled(!closed());
            }
            return new HorizontalLayout(edit, delete);
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        title.setId("title");
        Fields.text(title, "priority.title", 300);
        title.setWidth("24rem");
        description.setId("description");
        Fields.text(description, "priority.description", 2000);
        description.setWidth("28rem");
        order.setId("order");
        order.setLabel("#");
        order.setWidth("5rem");
        save.setText(getTranslation("priority.add"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var form = new HorizontalLayout(order, title, description, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        events.setId("event-grid");
        events.addColumn(e -> Formats.date(e.date(), getLocale())).setHeader(getTranslation("event.date")).setAutoWidth(true);
        events.addColumn(e -> getTranslation("event.kind." + e.kind().name())).setHeader(getTranslation("event.kind"))
                .setAutoWidth(true);
        events.addColumn(EventRow::title).setHeader(getTranslation("event.title")).setFlexGrow(3);
        events.addComponentColumn(ev -> {
            var delete = new Button(VaadinIcon.TRASH.create(), e -> {
                if (Feedback.run(this, () -> priorities.deleteEvent(ev.id()))) {
                    Feedback.success(getTranslation("common.deleted"));
                }
                refresh();
            });
            delete.setId("delete-event-" + ev.id());
            delete.setAriaLabel(getTranslation("common.delete"));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setEnabled(!closed());
            return delete;
        }).setAutoWidth(true);
        events.setAllRowsVisible(true);
        eventKind.setId("event-kind");
        eventKind.setLabel(getTranslation("event.kind"));
        eventKind.setItems(EventKind.values());
        eventKind.setItemLabelGenerator(k -> getTranslation("event.kind." + k.name()));
        eventTitle.setId("event-title");
        Fields.text(eventTitle, "event.title", 200);
        eventTitle.setWidth("24rem");
        eventDate.setId("event-date");
        Fields.date(eventDate, "event.date");
        addEvent.setText(getTranslation("event.add"));
        addEvent.setId("add-event");
        addEvent.addClickListener(e -> {
            TrienniumRow t = triennium.getValue();
            if (t != null && !Fields.unreadable(eventDate) && Feedback.run(this, () -> priorities.addEvent(t.id(), eventKind.getValue(),
                    eventTitle.getValue(), eventDate.getValue()))) {
                Feedback.success(getTranslation("common.saved"));
                eventTitle.clear();
                eventDate.clear();
                refresh();
            }
        });
        var eventForm = new HorizontalLayout(eventKind, eventTitle, eventDate, addEvent);
        eventForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        eventForm.setWrap(true);
        add(new H2(getTranslation("nav.admin.priorities")), triennium, grid, form,
                new H3(getTranslation("event.heading")), events, eventForm);
        trienniums.active().or(() -> trienniums.all().stream().findFirst()).ifPresent(triennium::setValue);
    }

    private boolean closed() {
        return triennium.getValue() == null || triennium.getValue().status() == TrienniumStatus.CLOSED;
    }

    private void edit(PriorityRow p) {
        editing = p;
        title.setValue(p.title());
        description.setValue(p.description() == null ? "" : p.description());
        order.setValue(p.sortOrder());
        save.setText(getTranslation("common.save"));
    }

    void save() {
        TrienniumRow t = triennium.getValue();
        if (t == null) {
            return;
        }
        PriorityRow e = editing;
        if (Feedback.run(this, () -> priorities.savePriority(e == null ? null : e.id(), e == null ? 0 : e.version(),
                t.id(), title.getValue(), description.getValue(), order.getValue()))) {
            Feedback.success(getTranslation("common.saved"));
            editing = null;
            title.clear();
            description.clear();
            order.clear();
            title.setInvalid(false);
            save.setText(getTranslation("priority.add"));
            refresh();
        } else {
            title.setInvalid(title.getValue().isBlank());
        }
    }

    void refresh() {
        TrienniumRow t = triennium.getValue();
        if (t == null) {
            return;
        }
        grid.setItems(priorities.priorities(t.id()));
        events.setItems(priorities.events(t.id()));
        boolean open = !closed();
        save.setEnabled(open);
        addEvent.setEnabled(open);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.priorities") + " · " + getTranslation("app.title");
    }
}
