package org.issa.tcw.commission.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.SearchField;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;

/** Every commission in a lazy, filterable grid; a click opens its page. */
@Route("commissions")
@Menu(title = "nav.commissions", order = 10, icon = "tcw:group")
@PermitAll
class CommissionsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<CommissionSummary> grid = new Grid<>();
    final SearchField filter = new SearchField();
    final Checkbox includeRetired = new Checkbox();

    CommissionsView(CommissionService commissions) {
        addClassName("tcw-page");
        setSizeFull();
        filter.configure(getTranslation("commissions.filter"), () -> grid.getDataProvider().refreshAll());
        includeRetired.setId("include-retired");
        includeRetired.setLabel(getTranslation("commissions.include-retired"));

        grid.setId("commission-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CommissionSummary::code).setHeader(getTranslation("commission.code")).setKey("code")
                .setSortProperty("code").setWidth("6.5rem").setFlexGrow(0); // the header with its sort arrows, not "C…"
        grid.addColumn(CommissionSummary::name).setHeader(getTranslation("commission.name")).setKey("name")
                .setSortProperty("name").setFlexGrow(3);
        var chair = grid.addColumn(c -> c.chairName() == null ? "" : c.chairName())
                .setHeader(getTranslation("commission.chair")).setKey("chair").setFlexGrow(2);
        grid.addColumn(c -> Formats.number(c.memberCount(), getLocale())).setHeader(getTranslation("commission.members"))
                .setKey("members").setAutoWidth(true).setFlexGrow(0);
        var active = grid.addColumn(c -> getTranslation(c.active() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("commission.active")).setKey("active").setAutoWidth(true).setFlexGrow(0);
        // on a phone the code, the name and the members remain (the name was cut to six letters)
        org.issa.tcw.base.ui.NarrowScreens.hideColumnsWhenNarrow(this, chair, active);
        grid.setItems(
                query -> commissions.page(filter.getValue(), includeRetired.getValue(),
                        VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) commissions.count(filter.getValue(), includeRetired.getValue()));
        org.issa.tcw.base.ui.Keyboard.openRowsOnEnter(grid);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CommissionView.class,
                new RouteParameters(CommissionView.CODE, e.getItem().code()))));
        includeRetired.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        var toolbar = new HorizontalLayout(filter, includeRetired);
        toolbar.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("nav.commissions")), toolbar, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.commissions") + " · " + getTranslation("app.title");
    }
}
