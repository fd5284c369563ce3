package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.TabPanels;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.programme.CalendarFeedService;
import org.issa.tcw.programme.MilestoneRow;
import org.issa.tcw.programme.PriorityNode;
import org.issa.tcw.programme.PriorityRow;
import org.issa.tcw.programme.ProgrammeApprovalService;
import org.issa.tcw.programme.ProgrammeExports;
import org.issa.tcw.programme.ProgrammeService;
import org.issa.tcw.programme.ProgrammeStatus;
import org.issa.tcw.programme.ProgrammeTree;
import org.issa.tcw.programme.ProjectNode;
import org.issa.tcw.programme.ProjectService;
import org.issa.tcw.programme.TrienniumRow;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A commission's work programme for a triennium: the tree priority → project → milestone (plan vs
 * now after approval), the approval workflow, the timeline, the exports and the calendar link.
 */
@Route("commissions/:code/programme")
@PermitAll
class ProgrammeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TreeGrid<Line> tree = new TreeGrid<>();
    final Select<TrienniumRow> triennium = new Select<>();
    final GanttChart timeline = new GanttChart();
    final Span status = new Span();
    final TextArea returnComment = new TextArea();
    final Div actions = new Div();
    final Div exports = new Div();
    final Div calendar = new Div();
    @Nullable ExportLink xlsx;
    @Nullable ExportLink pdf;

    private final ProgrammeService programme;
    private final ProjectService projectService;
    private final ProgrammeApprovalService approvals;
    private final ProgrammeExports exporter;
    private final CalendarFeedService feeds;
    private final CommissionService commissions;
    private final Clock clock;
    private String code = "";
    private @Nullable ProgrammeTree current;

    ProgrammeView(ProgrammeService programme, ProjectService projectService, ProgrammeApprovalService approvals,
            ProgrammeExports exporter, CalendarFeedService feeds,
            CommissionService commissions, Clock clock) {
        this.programme = programme;
        this.projectService = projectService;
        this.approvals = approvals;
        this.exporter = exporter;
        this.feeds = feeds;
        this.commissions = commissions;
        this.clock = clock;
        addClassName("tcw-page");
        setSizeFull();
        tree.setId("programme-tree");
        // the name of the item takes the room; who, when and state have compact fixed widths and
        // wrap (a moved plan goes to a second line); on a phone only the item and its state remain
        tree.addHierarchyColumn(this::title).setHeader(getTranslation("programme.column.item")).setWidth("16rem")
                .setFlexGrow(1).setKey("item");
        var whoColumn = tree.addColumn(this::who).setHeader(getTranslation("programme.column.who")).setWidth("10rem")
                .setFlexGrow(0).setKey("who");
        var whenColumn = tree.addColumn(this::when).setHeader(getTranslation("programme.column.when"))
                .setWidth("12.5rem").setFlexGrow(0).setKey("when");
        tree.addComponentColumn(this::state).setHeader(getTranslation("programme.column.state")).setWidth("9rem")
                .setFlexGrow(0).setKey("state");
        tree.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        org.issa.tcw.base.ui.NarrowScreens.hideColumnsWhenNarrow(this, whoColumn, whenColumn);
        tree.addItemClickListener(e -> {
            Line line = e.getItem();
            long projectId = line.project() != null ? line.project().id()
                    : line.milestone() != null ? line.milestone().projectId() : -1;
            if (projectId > 0 && e.getColumn() != null && "item".equals(e.getColumn().getKey())) {
                getUI().ifPresent(ui -> ui.navigate("projects/" + projectId));
            }
        });
        triennium.setId("triennium");
        triennium.setLabel(getTranslation("triennium.label"));
        triennium.setItemLabelGenerator(t -> t.label() + " · " + getTranslation("triennium.status." + t.status().name()));
        triennium.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(ProgrammeView.class, new RouteParameters("code", code),
                        QueryParameters.of("triennium", String.valueOf(e.getValue().id()))));
            }
        });
        status.setId("programme-status");
        actions.setId("programme-actions");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("");
        Long trienniumId = event.getLocation().getQueryParameters().getSingleParameter("triennium")
                .flatMap(ProgrammeView::parse).orElse(null);
        ProgrammeTree tree;
        try {
            tree = programme.tree(code, trienniumId);
        } catch (AccessDeniedException e) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class);
            return;
        } catch (org.issa.tcw.base.NotFoundException e) {
            throw new NotFoundException();
        }
        current = tree;
        build(tree);
    }

    private void build(ProgrammeTree t) {
        removeAll();
        var heading = new H2(getTranslation("programme.title", t.commissionCode(), t.triennium().label()));
        heading.setId("programme-title");
        var back = new Anchor("commissions/" + t.commissionCode(), t.commissionCode() + " · " + t.commissionName());
        back.setId("commission-link");
        triennium.setItems(t.trienniums());
        t.trienniums().stream().filter(x -> x.id() == t.triennium().id()).findFirst().ifPresent(triennium::setValue);
        status.setText(getTranslation("programme.status." + t.state().status().name()));
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add(switch (t.state().status()) {
            case APPROVED -> "badge success";
            case SUBMITTED -> "badge";
            case RETURNED -> "badge error";
            case DRAFT -> "badge contrast";
        });
        var header = new HorizontalLayout(triennium, status, actions);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        buildActions(t);
        add(back, heading, header);
        if (t.state().status() == ProgrammeStatus.RETURNED && t.state().returnComment() != null) {
            var comment = new Paragraph(getTranslation("programme.returned-comment", t.state().decidedBy(),
                    t.state().returnComment()));
            comment.setId("return-note");
            comment.getStyle().set("color", "var(--lumo-error-text-color)");
            add(comment);
        }
        if (t.state().baselineAt() != null) {
            var note = new Span(getTranslation("programme.baseline-note",
                    Formats.date(LocalDate.ofInstant(t.state().baselineAt(), UserZone.current()), getLocale())));
            note.setId("baseline-note");
            note.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(note);
        }
        TreeData<Line> data = new TreeData<>();
        for (PriorityNode p : t.priorities()) {
            Line pl = new Line(p.priority(), null, null);
            data.addItem(null, pl);
            for (ProjectNode project : p.projects()) {
                Line prl = new Line(null, project, null);
                data.addItem(pl, prl);
                for (MilestoneRow m : project.milestones()) {
                    data.addItem(prl, new Line(null, null, m));
                }
            }
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expand(data.getRootItems());
        tree.setHeight("60vh");
        timeline.show(t.triennium(), t.projects(), t.events(), LocalDate.now(clock.withZone(UserZone.current())), false);
        var tabs = new TabPanels("programme-tabs");
        tabs.add(getTranslation("programme.tab.tree"), tree);
        tabs.add(getTranslation("programme.tab.timeline"), timeline);
        tabs.setWidthFull();
        add(tabs);
        setFlexGrow(1, tabs);
        buildExports(t);
        add(exports, calendar);
    }

    private void buildActions(ProgrammeTree t) {
        actions.removeAll();
        if (t.mayEdit()) {
            var add = new Button(getTranslation("project.new"), VaadinIcon.PLUS.create(), e -> openNewProject(t));
            add.setId("new-project");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(add);
        }
        if (t.maySubmit()) {
            var submit = new Button(getTranslation("programme.submit"), VaadinIcon.PAPERPLANE.create(), e -> {
                if (Feedback.run(this, () -> approvals.submit(code, t.triennium().id()))) {
                    Feedback.success(getTranslation("programme.submitted"));
                    reload();
                }
            });
            submit.setId("submit");
            actions.add(submit);
        }
        Long programmeId = t.state().id();
        if (t.mayApprove() && programmeId != null) {
            var approve = new Button(getTranslation("programme.approve"), VaadinIcon.CHECK.create(), e -> {
                if (Feedback.run(this, () -> approvals.approve(programmeId, t.state().version()))) {
                    Feedback.success(getTranslation("programme.approved"));
                    reload();
                }
            });
            approve.setId("approve");
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            returnComment.setId("return-comment");
            returnComment.setPlaceholder(getTranslation("programme.return-comment"));
            returnComment.setAriaLabel(getTranslation("programme.return-comment"));
            var giveBack = new Button(getTranslation("programme.return"), VaadinIcon.ARROW_BACKWARD.create(), e -> {
                if (Feedback.run(this, () -> approvals.returnForRevision(programmeId, t.state().version(),
                        returnComment.getValue()))) {
                    Feedback.success(getTranslation("programme.returned"));
                    reload();
                } else {
                    returnComment.setInvalid(true);
                }
            });
            giveBack.setId("return");
            giveBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(approve, returnComment, giveBack);
        }
        actions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "baseline"); // on a phone "Zur Genehmigung einreichen" goes to its own row
    }

    private void buildExports(ProgrammeTree t) {
        exports.removeAll();
        String base = t.commissionCode() + "-programme-" + t.triennium().label().replace('–', '-');
        Locale locale = getLocale();
        xlsx = new ExportLink("export-xlsx", getTranslation("export.xlsx"), base + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                () -> exporter.xlsx(t.commissionCode(), t.triennium().id(), locale));
        pdf = new ExportLink("export-pdf", getTranslation("export.pdf"), base + "-report.pdf", "application/pdf",
                () -> exporter.pdf(t.commissionCode(), t.triennium().id(), locale));
        var row = new HorizontalLayout(xlsx, pdf);
        row.setWrap(true);
        exports.add(row);
        calendar.removeAll();
        calendar.setId("calendar");
        String token = feeds.token(code).orElse(null);
        var row2 = new HorizontalLayout();
        row2.setAlignItems(FlexComponent.Alignment.BASELINE);
        row2.add(new Span(getTranslation("calendar.label")));
        if (token != null) {
            String url = "calendar/" + token + ".ics";
            var link = new TextField();
            link.setId("calendar-link");
            link.setReadOnly(true);
            link.setValue(absolute(url));
            link.setWidth("32rem");
            link.setHelperText(getTranslation("calendar.help"));
            row2.add(link);
        } else {
            var none = new Span(getTranslation("calendar.none"));
            none.setId("calendar-none");
            row2.add(none);
        }
        if (t.mayEdit()) {
            var renew = new Button(getTranslation(token == null ? "calendar.create" : "calendar.renew"), e -> {
                if (Feedback.run(this, () -> feeds.renew(code))) {
                    reload();
                }
            });
            renew.setId("calendar-renew");
            renew.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            row2.add(renew);
            if (token != null) {
                var revoke = new Button(getTranslation("calendar.revoke"), e -> {
                    if (Feedback.run(this, () -> feeds.revoke(code))) {
                        reload();
                    }
                });
                revoke.setId("calendar-revoke");
                revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                row2.add(revoke);
            }
        }
        calendar.add(row2);
    }

    /** The link calendar apps need: absolute, from the request that opened the page. */
    static String absolute(String path) {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/" + path;
        }
        var r = request.getHttpServletRequest();
        boolean defaultPort = "http".equals(r.getScheme()) && r.getServerPort() == 80
                || "https".equals(r.getScheme()) && r.getServerPort() == 443;
        return r.getScheme() + "://" + r.getServerName() + (defaultPort ? "" : ":" + r.getServerPort())
                + r.getContextPath() + "/" + path;
    }

    void reload() {
        ProgrammeTree tree = programme.tree(code, current == null ? null : current.triennium().id());
        current = tree;
        build(tree);
    }

    private void openNewProject(ProgrammeTree t) {
        List<PriorityRow> priorities = t.priorities().stream().map(PriorityNode::priority).toList();
        var details = commissions.details(code).orElseThrow();
        new ProjectDialog(projectService, t.commissionCode(), t.triennium().id(), priorities, details.members(),
                commissions.activeCommissions(), null, id -> reload()).open();
    }

    private String title(Line line) {
        if (line.priority() != null) {
            return line.priority().title();
        }
        if (line.project() != null) {
            ProjectNode p = line.project();
            String owner = p.commissionCode().equals(code) ? "" : " [" + p.commissionCode() + "]";
            return p.title() + owner + " · " + getTranslation("project.type." + p.type().name());
        }
        MilestoneRow m = Objects.requireNonNull(line.milestone(), "a line is a priority, a project or a milestone");
        return m.title() + (m.eventTitle() == null ? "" : " · " + m.eventTitle());
    }

    private String who(Line line) {
        if (line.project() != null) {
            return line.project().leadName() == null ? "" : line.project().leadName();
        }
        if (line.milestone() != null) {
            return line.milestone().ownerName() == null ? "" : line.milestone().ownerName();
        }
        return "";
    }

    private String when(Line line) {
        if (line.project() != null) {
            ProjectNode p = line.project();
            String now = Formats.date(p.startDate(), getLocale()) + " – " + Formats.date(p.endDate(), getLocale());
            return p.movedFromBaseline() ? now + " (" + getTranslation("milestone.plan",
                    Formats.date(p.baselineStart(), getLocale()) + " – " + Formats.date(p.baselineEnd(), getLocale()))
                    + ")" : now;
        }
        if (line.milestone() != null) {
            MilestoneRow m = line.milestone();
            String now = Formats.date(m.dueDate(), getLocale());
            return m.movedFromBaseline()
                    ? now + " (" + getTranslation("milestone.plan", Formats.date(m.baselineDue(), getLocale())) + ")"
                    : now;
        }
        return "";
    }

    private Component state(Line line) {
        if (line.project() != null) {
            return ProjectBadges.status(line.project().status());
        }
        if (line.milestone() != null) {
            return ProjectBadges.milestone(line.milestone(), LocalDate.now(clock.withZone(UserZone.current())));
        }
        return new Span(getTranslation("programme.projects-count", countOf(Objects.requireNonNull(line.priority(),
                "a line is a priority, a project or a milestone"))));
    }

    private int countOf(PriorityRow priority) {
        return current == null ? 0 : current.priorities().stream().filter(p -> p.priority().id() == priority.id())
                .mapToInt(p -> p.projects().size()).sum();
    }

    private static java.util.Optional<Long> parse(String s) {
        try {
            return java.util.Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return (current == null ? "" : getTranslation("programme.title", current.commissionCode(),
                current.triennium().label()) + " · ") + getTranslation("app.title");
    }

    /** One line of the tree: exactly one of the three is set. */
    record Line(@Nullable PriorityRow priority, @Nullable ProjectNode project, @Nullable MilestoneRow milestone) {
    }
}
