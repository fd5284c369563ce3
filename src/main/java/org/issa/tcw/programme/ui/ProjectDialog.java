package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.programme.PriorityRow;
import org.issa.tcw.programme.ProjectDetails;
import org.issa.tcw.programme.ProjectDraft;
import org.issa.tcw.programme.ProjectService;
import org.issa.tcw.programme.ProjectType;
import org.jspecify.annotations.Nullable;

/** Creates a project in a programme or changes one (chair, vice-chair, secretariat). */
class ProjectDialog extends Dialog {

    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final Select<ProjectType> type = new Select<>();
    final Select<PriorityRow> priority = new Select<>();
    final ComboBox<MemberRow> lead = new ComboBox<>();
    final MultiSelectComboBox<MemberRow> contributors = new MultiSelectComboBox<>();
    final MultiSelectComboBox<CommissionSummary> participants = new MultiSelectComboBox<>();
    final DatePicker start = new DatePicker();
    final DatePicker end = new DatePicker();
    final Button save = new Button();

    /**
     * @param existing null to create a project
     * @param saved    called with the project's id once saved
     */
    ProjectDialog(ProjectService projectService, String commissionCode, long trienniumId, List<PriorityRow> priorities,
            List<MemberRow> members, List<CommissionSummary> commissions, @Nullable ProjectDetails existing,
            LongConsumer saved) {
        setId("project-dialog");
        setHeaderTitle(getTranslation(existing == null ? "project.new" : "project.edit"));
        title.setId("title");
        Fields.text(title, "project.title", 300);
        title.setRequiredIndicatorVisible(true);
        description.setId("description");
        Fields.text(description, "project.description", 4000);
        type.setId("type");
        type.setLabel(getTranslation("project.type"));
        type.setItems(ProjectType.values());
        type.setItemLabelGenerator(t -> getTranslation("project.type." + t.name()));
        priority.setId("priority");
        priority.setLabel(getTranslation("project.priority"));
        priority.setItems(priorities);
        priority.setItemLabelGenerator(PriorityRow::title);
        lead.setId("lead");
        lead.setLabel(getTranslation("project.lead"));
        lead.setItems(members);
        lead.setItemLabelGenerator(MemberRow::displayName);
        lead.setClearButtonVisible(true);
        contributors.setId("contributors");
        contributors.setLabel(getTranslation("project.contributors"));
        contributors.setItems(members);
        contributors.setItemLabelGenerator(MemberRow::displayName);
        participants.setId("participants");
        participants.setLabel(getTranslation("project.participants"));
        List<CommissionSummary> others = commissions.stream().filter(c -> !c.code().equals(commissionCode)).toList();
        participants.setItems(others);
        participants.setItemLabelGenerator(c -> c.code() + " · " + c.name());
        start.setId("start");
        Fields.date(start, "project.start");
        end.setId("end");
        Fields.date(end, "project.end");

        if (existing != null) {
            title.setValue(existing.title());
            description.setValue(existing.description() == null ? "" : existing.description());
            type.setValue(existing.type());
            priorities.stream().filter(p -> p.id() == existing.priority().id()).findFirst().ifPresent(priority::setValue);
            members.stream().filter(m -> existing.leadPersonId() != null && m.personId() == existing.leadPersonId())
                    .findFirst().ifPresent(lead::setValue);
            contributors.setValue(members.stream().filter(m -> existing.contributorIds().contains(m.personId()))
                    .collect(Collectors.toSet()));
            participants.setValue(others.stream().filter(c -> existing.participatingCommissionIds().contains(c.id()))
                    .collect(Collectors.toSet()));
            start.setValue(existing.startDate());
            end.setValue(existing.endDate());
        } else if (!priorities.isEmpty()) {
            priority.setValue(priorities.get(0));
            type.setValue(ProjectType.TECHNICAL_REPORT);
        }

        var form = new FormLayout(title, type, priority, lead, contributors, participants, start, end, description);
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        add(form);
        save.setText(getTranslation("common.save"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (Fields.unreadable(start) || Fields.unreadable(end)) {
                return; // the field says what is wrong; "no date" must not reach the server
            }
            Set<Long> contributorIds = contributors.getValue().stream().map(MemberRow::personId)
                    .collect(Collectors.toCollection(HashSet::new));
            Set<Long> participantIds = participants.getValue().stream().map(CommissionSummary::id)
                    .collect(Collectors.toSet());
            ProjectDraft draft = new ProjectDraft(existing == null ? null : existing.id(),
                    existing == null ? 0 : existing.version(), priority.getValue() == null ? null : priority.getValue().id(),
                    title.getValue(), description.getValue(), type.getValue(),
                    lead.getValue() == null ? null : lead.getValue().personId(), contributorIds, participantIds,
                    start.getValue(), end.getValue());
            long[] id = new long[1];
            title.setInvalid(title.getValue().isBlank());
            if (title.isInvalid()) {
                title.setErrorMessage(getTranslation("validation.required", getTranslation("project.title")));
            }
            if (Feedback.run(this, () -> id[0] = existing == null ? projectService.createProject(commissionCode, trienniumId, draft)
                    : update(projectService, draft))) {
                Feedback.success(getTranslation("common.saved"));
                close();
                saved.accept(id[0]);
            }
        });
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel");
        getFooter().add(cancel, save);
        setWidth("48rem");
    }

    private static long update(ProjectService projectService, ProjectDraft draft) {
        projectService.updateProject(draft);
        return java.util.Objects.requireNonNull(draft.id(), "an update names its project");
    }
}
