package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import org.issa.tcw.base.ui.ConfirmDelete;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.programme.MilestoneRow;
import org.issa.tcw.programme.MilestoneService;
import org.issa.tcw.programme.PriorityRow;
import org.issa.tcw.programme.PriorityService;
import org.issa.tcw.programme.ProgrammeService;
import org.issa.tcw.programme.ProjectChange;
import org.issa.tcw.programme.ProjectDetails;
import org.issa.tcw.programme.ProjectHistoryService;
import org.issa.tcw.programme.ProjectService;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.StatusChangeRow;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A project's page: details, status (with a dated note) and its history, milestones (plan vs
 * now), the full change history (Envers), and carry-over into the next triennium.
 */
@Route("projects/:id")
@PermitAll
class ProjectView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Grid<MilestoneRow> milestones = new Grid<>();
    final Grid<StatusChangeRow> statusHistory = new Grid<>();
    final Div changes = new Div();
    final Select<ProjectStatus> newStatus = new Select<>();
    final TextField statusNote = new TextField();
    final Select<PriorityRow> carryPriority = new Select<>();

    private final ProgrammeService programme;
    private final ProjectService projectService;
    private final MilestoneService milestoneService;
    private final PriorityService priorities;
    private final ProjectHistoryService history;
    private final CommissionService commissions;
    private final Clock clock;
    private long id;
    private @Nullable ProjectDetails project;

    private final org.issa.tcw.discussion.ui.DiscussionPanels discussionPanels;

    ProjectView(ProgrammeService programme, ProjectService projectService, MilestoneService milestoneService,
            PriorityService priorities, ProjectHistoryService history,
            CommissionService commissions, Clock clock, org.issa.tcw.discussion.ui.DiscussionPanels discussionPanels) {
        this.discussionPanels = discussionPanels;
        this.programme = programme;
        this.projectService = projectService;
        this.milestoneService = milestoneService;
        this.priorities = priorities;
        this.history = history;
        this.commissions = commissions;
        this.clock = clock;
        addClassName("tcw-page");
        milestones.setId("milestone-grid");
        milestones.addColumn(MilestoneRow::title).setHeader(getTranslation("milestone.title")).setFlexGrow(3)
                .setKey("title");
        milestones.addColumn(m -> Formats.date(m.dueDate(), getLocale()) + (m.movedFromBaseline()
                ? " (" + getTranslation("milestone.plan", Formats.date(m.baselineDue(), getLocale())) + ")" : ""))
                .setHeader(getTranslation("milestone.due")).setAutoWidth(true).setKey("due");
        milestones.addColumn(m -> m.ownerName() == null ? "" : m.ownerName()).setHeader(getTranslation("milestone.owner"))
                .setAutoWidth(true);
        milestones.addColumn(m -> m.eventTitle() == null ? "" : m.eventTitle()).setHeader(getTranslation("milestone.event"))
                .setAutoWidth(true);
        milestones.addComponentColumn(m -> ProjectBadges.milestone(m, LocalDate.now(clock.withZone(UserZone.current()))))
                .setHeader(getTranslation("milestone.state")).setAutoWidth(true).setKey("state");
        milestones.addComponentColumn(ProjectBadges::deliverable).setHeader(getTranslation("milestone.document"))
                .setAutoWidth(true).setKey("document");
        milestones.addComponentColumn(this::milestoneActions).setAutoWidth(true).setKey("actions");
        milestones.setAllRowsVisible(true);
        statusHistory.setId("status-history");
        statusHistory.addComponentColumn(s -> ProjectBadges.status(s.status())).setHeader(getTranslation("project.status"))
                .setAutoWidth(true);
        statusHistory.addColumn(s -> s.note() == null ? "" : s.note()).setHeader(getTranslation("project.status-note"))
                .setFlexGrow(3);
        statusHistory.addColumn(s -> Formats.date(s.statusDate(), getLocale())).setHeader(getTranslation("project.status-date"))
                .setAutoWidth(true);
        statusHistory.addColumn(StatusChangeRow::changedBy).setHeader(getTranslation("project.changed-by"))
                .setAutoWidth(true);
        statusHistory.setAllRowsVisible(true);
        changes.setId("change-history");
        newStatus.setId("new-status");
        newStatus.setLabel(getTranslation("project.status"));
        newStatus.setItems(ProjectStatus.values());
        newStatus.setItemLabelGenerator(s -> getTranslation("project.status." + s.name()));
        statusNote.setId("status-note");
        Fields.text(statusNote, "project.status-note", 2000);
        statusNote.setWidth("28rem");
        carryPriority.setId("carry-priority");
        carryPriority.setLabel(getTranslation("carry-over.priority"));
        carryPriority.setItemLabelGenerator(PriorityRow::title);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            load();
        } catch (NumberFormatException | org.issa.tcw.base.NotFoundException e) {
            throw new NotFoundException();
        } catch (AccessDeniedException e) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class);
        }
    }

    void load() {
        ProjectDetails loaded = programme.project(id);
        project = loaded;
        build(loaded);
    }

    private void build(ProjectDetails p) {
        removeAll();
        var back = new Anchor("commissions/" + p.commissionCode() + "/programme?triennium=" + p.triennium().id(),
                getTranslation("programme.title", p.commissionCode(), p.triennium().label()));
        back.setId("programme-link");
        var title = new H2(p.title());
        title.setId("project-title");
        var badges = new HorizontalLayout(ProjectBadges.status(p.status()),
                new Span(getTranslation("project.type." + p.type().name())));
        badges.setAlignItems(FlexComponent.Alignment.CENTER);
        add(back, title, badges);
        var facts = new Div();
        facts.setId("project-facts");
        facts.add(fact("project.priority", p.priority().title()));
        facts.add(fact("project.lead", p.leadName() == null ? "—" : p.leadName()));
        facts.add(fact("project.contributors", p.contributorNames().isEmpty() ? "—" : String.join(", ", p.contributorNames())));
        facts.add(fact("project.span", Formats.date(p.startDate(), getLocale()) + " – " + Formats.date(p.endDate(), getLocale())
                + (p.baselineEnd() != null && (!p.baselineEnd().equals(p.endDate()) || !Objects.equals(p.baselineStart(), p.startDate()))
                        ? " (" + getTranslation("milestone.plan", Formats.date(p.baselineStart(), getLocale()) + " – "
                                + Formats.date(p.baselineEnd(), getLocale())) + ")" : "")));
        if (!p.participatingCodes().isEmpty()) {
            facts.add(fact("project.participants", p.commissionCode() + " + " + String.join(", ", p.participatingCodes())));
        }
        if (p.statusNote() != null) {
            facts.add(fact("project.status-note", p.statusNote() + (p.statusDate() == null ? ""
                    : " (" + Formats.date(p.statusDate(), getLocale()) + ")")));
        }
        if (p.carriedFromId() != null) {
            var link = new Anchor("projects/" + p.carriedFromId(), getTranslation("carry-over.from"));
            link.setId("carried-from");
            facts.add(link);
        }
        if (p.carriedToId() != null) {
            var link = new Anchor("projects/" + p.carriedToId(), getTranslation("carry-over.to"));
            link.setId("carried-to");
            facts.add(link);
        }
        add(facts);
        if (p.description() != null) {
            add(new Paragraph(p.description()));
        }
        var edits = new HorizontalLayout();
        edits.setAlignItems(FlexComponent.Alignment.BASELINE);
        edits.setWrap(true);
        if (p.mayEditAll()) {
            var edit = new Button(getTranslation("project.edit"), VaadinIcon.EDIT.create(), e -> openEdit(p));
            edit.setId("edit-project");
            var delete = new Button(getTranslation("common.delete"), VaadinIcon.TRASH.create(),
                    e -> ConfirmDelete.open(this, p.title(), () -> {
                        if (Feedback.run(this, () -> projectService.deleteProject(p.id(), p.version()))) {
                            Feedback.success(getTranslation("common.deleted"));
                            getUI().ifPresent(ui -> ui.navigate("commissions/" + p.commissionCode() + "/programme"));
                        }
                    }));
            delete.setId("delete-project");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            edits.add(edit, delete);
        }
        if (p.mayUpdate()) {
            newStatus.setValue(p.status());
            statusNote.clear();
            var setStatus = new Button(getTranslation("project.set-status"), e -> {
                if (Feedback.run(this, () -> projectService.changeStatus(p.id(), p.version(), newStatus.getValue(),
                        statusNote.getValue()))) {
                    Feedback.success(getTranslation("common.saved"));
                    load();
                }
            });
            setStatus.setId("set-status");
            setStatus.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            edits.add(newStatus, statusNote, setStatus);
        }
        if (p.mayCarryOver()) {
            carryPriority.setItems(nextPriorities(p));
            var carry = new Button(getTranslation("carry-over.action"), VaadinIcon.FORWARD.create(), e -> {
                long[] copy = new long[1];
                if (Feedback.run(this, () -> copy[0] = projectService.carryOver(p.id(),
                        carryPriority.getValue() == null ? null : carryPriority.getValue().id()))) {
                    Feedback.success(getTranslation("carry-over.done"));
                    getUI().ifPresent(ui -> ui.navigate("projects/" + copy[0]));
                }
            });
            carry.setId("carry-over");
            edits.add(carryPriority, carry);
        }
        add(edits);

        var milestoneHeader = new HorizontalLayout(new H3(getTranslation("project.milestones")));
        milestoneHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (p.mayUpdate()) {
            var add = new Button(getTranslation("milestone.new"), VaadinIcon.PLUS.create(),
                    e -> new MilestoneDialog(milestoneService, p.id(), p.people(), p.events(), null, this::load).open());
            add.setId("new-milestone");
            milestoneHeader.add(add);
        }
        milestones.setItems(p.milestones());
        add(milestoneHeader, milestones);
        add(new H3(getTranslation("project.status-history")), statusHistory);
        statusHistory.setItems(p.statusHistory());
        add(discussionPanels.forAnchor(p.commissionId(), p.commissionCode(), new org.issa.tcw.discussion.Anchor(
                org.issa.tcw.discussion.AnchorType.PROJECT, p.id(), p.title())));
        add(new H3(getTranslation("project.change-history")), changes);
        showChanges();
    }

    /** The priorities of the triennium after the project's (where a carried-over project goes). */
    private List<PriorityRow> nextPriorities(ProjectDetails p) {
        return programme.tree(p.commissionCode(), null).trienniums().stream()
                .filter(t -> t.startYear() == p.triennium().endYear() + 1).findFirst()
                .map(t -> priorities.priorities(t.id())).orElse(List.of());
    }

    private void showChanges() {
        changes.removeAll();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(UserZone.current());
        for (ProjectChange c : history.history(id)) {
            var line = new Div();
            line.addClassName("change");
            String subject = "project".equals(c.subject()) ? getTranslation("history.project")
                    : getTranslation("history.milestone", c.subject());
            line.add(new Span(when.format(c.at()) + " · " + c.username() + " · "
                    + getTranslation("history.kind." + c.kind(), subject)));
            for (ProjectChange.FieldChange f : c.changes()) {
                var detail = new Div(new Span(getTranslation("history.field." + f.field()) + ": "
                        + (f.before().isEmpty() ? "—" : f.before()) + " → " + (f.after().isEmpty() ? "—" : f.after())));
                detail.getStyle().set("margin-left", "var(--lumo-space-l)").set("color",
                        "var(--lumo-secondary-text-color)");
                line.add(detail);
            }
            line.getStyle().set("margin-bottom", "var(--lumo-space-s)");
            changes.add(line);
        }
    }

    private HorizontalLayout milestoneActions(MilestoneRow m) {
        ProjectDetails p = Objects.requireNonNull(project, "milestones are listed for a loaded project");
        var layout = new HorizontalLayout();
        if (project == null || !project.mayUpdate()) {
            return layout;
        }
        if (!m.done() && !m.cancelled()) {
            var complete = new Button(getTranslation("milestone.complete"), e -> act(() -> milestoneService.completeMilestone(m.id(), m.version())));
            complete.setId("complete-" + m.id());
            complete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            var cancel = new Button(getTranslation("milestone.cancel"), e -> act(() -> milestoneService.cancelMilestone(m.id(), m.version())));
            cancel.setId("cancel-" + m.id());
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            layout.add(complete, cancel);
        } else if (m.done()) {
            var reopen = new Button(getTranslation("milestone.reopen"), e -> act(() -> milestoneService.reopenMilestone(m.id(), m.version())));
            reopen.setId("reopen-" + m.id());
            reopen.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            layout.add(reopen);
        }
        var edit = new Button(VaadinIcon.EDIT.create(), e -> new MilestoneDialog(milestoneService, p.id(), p.people(),
                p.events(), m, this::load).open());
        edit.setId("edit-" + m.id());
        edit.setAriaLabel(getTranslation("milestone.edit"));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var delete = new Button(VaadinIcon.TRASH.create(), e -> ConfirmDelete.open(this, m.title(),
                () -> act(() -> milestoneService.deleteMilestone(m.id(), m.version()))));
        delete.setId("delete-" + m.id());
        delete.setAriaLabel(getTranslation("common.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        layout.add(edit, delete);
        return layout;
    }

    private void act(Runnable action) {
        if (Feedback.run(this, action)) {
            Feedback.success(getTranslation("common.saved"));
        }
        load();
    }

    private void openEdit(ProjectDetails p) {
        var details = commissions.details(p.commissionCode()).orElseThrow();
        new ProjectDialog(projectService, p.commissionCode(), p.triennium().id(), priorities.priorities(p.triennium().id()),
                details.members(), commissions.activeCommissions(), p, saved -> load()).open();
    }

    private Div fact(String key, String value) {
        var label = new Span(getTranslation(key) + ": ");
        label.getStyle().set("font-weight", "600");
        var div = new Div(label, new Span(value));
        div.addClassName("fact");
        return div;
    }

    @Override
    public String getPageTitle() {
        return (project == null ? "" : project.title() + " · ") + getTranslation("app.title");
    }
}
