package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.TabPanels;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.programme.AwaitingApproval;
import org.issa.tcw.programme.CommissionProgress;
import org.issa.tcw.programme.DashboardFilter;
import org.issa.tcw.programme.DueMilestone;
import org.issa.tcw.programme.DueWindow;
import org.issa.tcw.programme.PriorityRow;
import org.issa.tcw.programme.ProgrammeExports;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.SecretariatDashboard;
import org.issa.tcw.programme.SecretariatService;
import org.jspecify.annotations.Nullable;

/**
 * The secretariat's dashboard: every commission's progress in the active triennium, overdue
 * milestones, the next 90 days, programmes awaiting approval, the timeline across commissions and
 * the progress report of all commissions. Each line links to the programme or project. The two
 * milestone lists are lazy grids (a page at a time, however many there are).
 */
@Route("secretariat")
@Menu(title = "nav.secretariat", order = 50, icon = "tcw:dashboard")
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class SecretariatView extends VerticalLayout implements HasDynamicTitle {

    final Select<CommissionSummary> commission = new Select<>();
    final Select<PriorityRow> priority = new Select<>();
    final Select<ProjectStatus> status = new Select<>();
    final Grid<CommissionProgress> progress = new Grid<>();
    final Grid<DueMilestone> overdue = new Grid<>();
    final Grid<DueMilestone> dueSoon = new Grid<>();
    final Grid<AwaitingApproval> awaiting = new Grid<>();
    final GanttChart timeline = new GanttChart();
    final Span summary = new Span();
    @Nullable ExportLink report;

    private final SecretariatService secretariat;
    private final Clock clock;

    SecretariatView(SecretariatService secretariat, CommissionService commissions, ProgrammeExports exports,
            Clock clock) {
        this.secretariat = secretariat;
        this.clock = clock;
        addClassName("tcw-page");
        add(new H2(getTranslation("nav.secretariat")));
        Optional<SecretariatDashboard> first = secretariat.dashboard(DashboardFilter.none());
        if (first.isEmpty()) {
            var none = new Paragraph(getTranslation("secretariat.no-active-triennium"));
            none.setId("no-active-triennium");
            add(none);
            return;
        }
        SecretariatDashboard d = first.get();
        commission.setId("filter-commission");
        commission.setLabel(getTranslation("secretariat.filter.commission"));
        commission.setItems(commissions.activeCommissions());
        commission.setItemLabelGenerator(c -> c == null ? getTranslation("secretariat.filter.all") : c.code() + " · " + c.name());
        commission.setEmptySelectionAllowed(true);
        commission.setEmptySelectionCaption(getTranslation("secretariat.filter.all"));
        priority.setId("filter-priority");
        priority.setLabel(getTranslation("secretariat.filter.priority"));
        priority.setItems(d.priorities());
        priority.setItemLabelGenerator(p -> p == null ? getTranslation("secretariat.filter.all") : p.title());
        priority.setEmptySelectionAllowed(true);
        priority.setEmptySelectionCaption(getTranslation("secretariat.filter.all"));
        status.setId("filter-status");
        status.setLabel(getTranslation("secretariat.filter.status"));
        status.setItems(ProjectStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("secretariat.filter.all")
                : getTranslation("project.status." + s.name()));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("secretariat.filter.all"));
        commission.addValueChangeListener(e -> refresh());
        priority.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        Locale locale = getLocale();
        report = new ExportLink("export-report", getTranslation("export.pdf-all"),
                "progress-report-" + d.triennium().label().replace('–', '-') + ".pdf", "application/pdf",
                () -> exports.pdfAll(d.triennium().id(), locale));
        var filters = new HorizontalLayout(commission, priority, status, report);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        summary.setId("dashboard-summary");

        progress.setId("progress-grid");
        progress.addComponentColumn(c -> link("commissions/" + c.code() + "/programme", c.code() + " · " + c.name()))
                .setHeader(getTranslation("secretariat.commission")).setWidth("18rem").setFlexGrow(1).setKey("commission");
        progress.addColumn(c -> c.programmeStatus() == null ? getTranslation("programme.status.DRAFT")
                : getTranslation("programme.status." + c.programmeStatus().name()))
                .setHeader(getTranslation("secretariat.programme")).setAutoWidth(true);
        progress.addColumn(CommissionProgress::projects).setHeader(getTranslation("secretariat.projects"))
                .setAutoWidth(true).setKey("projects");
        for (ProjectStatus s : new ProjectStatus[] {ProjectStatus.ON_TRACK, ProjectStatus.AT_RISK,
                ProjectStatus.OFF_TRACK, ProjectStatus.COMPLETED}) {
            progress.addColumn(c -> c.projects(s)).setHeader(getTranslation("project.status." + s.name()))
                    .setAutoWidth(true).setKey(s.name());
        }
        progress.addColumn(c -> c.milestonesDone() + " / " + c.milestones())
                .setHeader(getTranslation("secretariat.milestones-done")).setAutoWidth(true).setKey("done");
        progress.addComponentColumn(c -> overdueCount(c.milestonesOverdue()))
                .setHeader(getTranslation("secretariat.overdue")).setAutoWidth(true).setFlexGrow(0).setKey("overdue");
        progress.addColumn(CommissionProgress::milestonesDueSoon)
                .setHeader(getTranslation("secretariat.due-soon", SecretariatService.DUE_SOON_DAYS)).setAutoWidth(true)
                .setKey("due-soon");
        progress.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        progress.setAllRowsVisible(true);
        configure(overdue, "overdue-grid", DueWindow.OVERDUE);
        configure(dueSoon, "due-soon-grid", DueWindow.DUE_SOON);
        awaiting.setId("awaiting-grid");
        awaiting.addComponentColumn(a -> link("commissions/" + a.commissionCode() + "/programme",
                a.commissionCode() + " · " + a.commissionName())).setHeader(getTranslation("secretariat.commission"))
                .setWidth("18rem").setFlexGrow(1);
        awaiting.addColumn(a -> a.submittedAt() == null ? "" : Formats.date(LocalDate.ofInstant(a.submittedAt(),
                UserZone.current()), getLocale())).setHeader(getTranslation("secretariat.submitted-on"))
                .setAutoWidth(true);
        awaiting.addColumn(a -> a.submittedBy() == null ? "" : a.submittedBy())
                .setHeader(getTranslation("secretariat.submitted-by")).setAutoWidth(true);
        awaiting.setAllRowsVisible(true);

        var overview = new VerticalLayout(summary, progress, new H3(getTranslation("secretariat.awaiting")), awaiting,
                new H3(getTranslation("secretariat.overdue-list")), overdue,
                new H3(getTranslation("secretariat.due-soon-list", SecretariatService.DUE_SOON_DAYS)), dueSoon);
        overview.setPadding(false);
        var tabs = new TabPanels("secretariat-tabs");
        tabs.add(getTranslation("secretariat.tab.overview"), overview);
        tabs.add(getTranslation("programme.tab.timeline"), timeline);
        tabs.setWidthFull();
        add(filters, tabs);
        show(d);
    }

    /** A list of a few lines is as tall as its lines (no blank space inside); a long one scrolls in a fixed height. */
    private static void fit(Grid<DueMilestone> grid, long count) {
        grid.setAllRowsVisible(count <= 8);
        if (count > 8) {
            grid.setHeight("22rem");
        }
    }

    /** An overdue count, highlighted (red badge) when it is not zero. */
    private com.vaadin.flow.component.html.Span overdueCount(long count) {
        var span = new com.vaadin.flow.component.html.Span(Formats.number(count, getLocale()));
        if (count > 0) {
            span.getElement().getThemeList().add("badge error");
            span.addClassName("tcw-overdue");
        }
        return span;
    }

    /** A lazy grid: each page and the total are read from the service with the current filters. */
    private void configure(Grid<DueMilestone> grid, String id, DueWindow window) {
        grid.setId(id);
        grid.setItems(q -> secretariat.dueMilestones(window, filter(), VaadinSpringDataHelpers.toSpringPageRequest(q))
                .stream(), q -> (int) Math.min(Integer.MAX_VALUE, secretariat.countDueMilestones(window, filter())));
        grid.addColumn(m -> Formats.date(m.dueDate(), getLocale())).setHeader(getTranslation("milestone.due"))
                .setAutoWidth(true).setKey("due");
        grid.addComponentColumn(m -> link("projects/" + m.projectId(), m.title())).setHeader(getTranslation("milestone.title"))
                .setFlexGrow(2).setKey("title");
        grid.addColumn(m -> m.commissionCode() + " · " + m.projectTitle()).setHeader(getTranslation("secretariat.project"))
                .setFlexGrow(3);
        grid.addColumn(m -> m.ownerName() == null ? "" : m.ownerName()).setHeader(getTranslation("milestone.owner"))
                .setAutoWidth(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    }

    private DashboardFilter filter() {
        return new DashboardFilter(commission.getValue() == null ? null : commission.getValue().id(),
                priority.getValue() == null ? null : priority.getValue().id(), status.getValue());
    }

    void refresh() {
        secretariat.dashboard(filter()).ifPresent(this::show);
    }

    private void show(SecretariatDashboard d) {
        fit(overdue, d.overdueCount());
        fit(dueSoon, d.dueSoonCount());
        DashboardFilter filter = filter();
        summary.setText(getTranslation("secretariat.summary", d.triennium().label(),
                d.commissions().stream().mapToLong(CommissionProgress::projects).sum(), d.overdueCount(),
                d.dueSoonCount(), d.awaitingApproval().size()));
        progress.setItems(d.commissions());
        overdue.getDataProvider().refreshAll();
        dueSoon.getDataProvider().refreshAll();
        awaiting.setItems(d.awaitingApproval());
        secretariat.timeline(filter).ifPresent(t -> timeline.show(t.triennium(), t.projects(), t.events(),
                LocalDate.now(clock.withZone(UserZone.current())), true));
    }

    private static Anchor link(String href, String text) {
        return new Anchor(href, text);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.secretariat") + " · " + getTranslation("app.title");
    }
}
