package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.programme.TrienniumRow;
import org.issa.tcw.programme.TrienniumService;
import org.issa.tcw.programme.TrienniumStatus;

/** The trienniums: plan the next one, start it, close the running one. */
@Route("admin/trienniums")
@Menu(title = "nav.admin.trienniums", order = 130, icon = "tcw:calendar")
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class TrienniumsAdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<TrienniumRow> grid = new Grid<>();
    final IntegerField startYear = new IntegerField();
    private final TrienniumService trienniums;

    TrienniumsAdminView(TrienniumService trienniums) {
        this.trienniums = trienniums;
        addClassName("tcw-page");
        setSizeFull();

        grid.setId("triennium-grid");
        grid.addColumn(TrienniumRow::label).setHeader(getTranslation("triennium.label")).setKey("label")
                .setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var badge = new Span(getTranslation("triennium.status." + t.status().name()));
            badge.getElement().getThemeList().add(t.status() == TrienniumStatus.ACTIVE ? "badge success"
                    : t.status() == TrienniumStatus.CLOSED ? "badge contrast" : "badge");
            return badge;
        }).setHeader(getTranslation("triennium.status")).setKey("status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setFlexGrow(1);

        startYear.setId("start-year");
        startYear.setLabel(getTranslation("triennium.start-year"));
        startYear.setStepButtonsVisible(true);
        var plan = new Button(getTranslation("triennium.plan"), VaadinIcon.PLUS.create(), e -> plan());
        plan.setId("plan");
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(startYear, plan);
        form.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("nav.admin.trienniums")), form, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    void plan() {
        Integer year = startYear.getValue();
        if (year == null) {
            startYear.setInvalid(true);
            startYear.setErrorMessage(getTranslation("validation.required", getTranslation("triennium.start-year")));
            return;
        }
        if (Feedback.run(this, () -> trienniums.plan(year))) {
            Feedback.success(getTranslation("common.saved"));
            startYear.clear();
            startYear.setInvalid(false);
            refresh();
        }
    }

    private HorizontalLayout actions(TrienniumRow t) {
        var layout = new HorizontalLayout();
        switch (t.status()) {
            case PLANNED -> {
                var activate = new Button(getTranslation("triennium.activate"), e -> act(() -> trienniums.activate(t.id(), t.version())));
                activate.setId("activate-" + t.startYear());
                activate.addThemeVariants(ButtonVariant.LUMO_SMALL);
                var delete = new Button(getTranslation("common.delete"), e -> ConfirmDelete.open(this, t.label(),
                        () -> act(() -> trienniums.delete(t.id()))));
                delete.setId("delete-" + t.startYear());
                delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                layout.add(activate, delete);
            }
            case ACTIVE -> {
                var close = new Button(getTranslation("triennium.close"), e -> act(() -> trienniums.close(t.id(), t.version())));
                close.setId("close-" + t.startYear());
                close.addThemeVariants(ButtonVariant.LUMO_SMALL);
                layout.add(close);
            }
            case CLOSED -> {
            }
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
        grid.setItems(trienniums.all());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.trienniums") + " · " + getTranslation("app.title");
    }
}
