package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.Fields;
import org.issa.tcw.base.ui.Formats;
import org.issa.tcw.programme.EventRow;
import org.issa.tcw.programme.MilestoneDraft;
import org.issa.tcw.programme.MilestoneRow;
import org.issa.tcw.programme.MilestoneService;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.jspecify.annotations.Nullable;

/** Adds or changes a milestone: title, due date (inside the project's span), owner, event, document. */
class MilestoneDialog extends Dialog {

    final TextField title = new TextField();
    final DatePicker due = new DatePicker();
    final ComboBox<Map.Entry<Long, String>> owner = new ComboBox<>();
    final ComboBox<EventRow> event = new ComboBox<>();
    final IntegerField document = new IntegerField();
    final com.vaadin.flow.component.select.Select<DocumentStage> completesOn = new com.vaadin.flow.component.select.Select<>();
    final Button save = new Button();

    MilestoneDialog(MilestoneService milestoneService, long projectId, Map<Long, String> people, List<EventRow> events,
            @Nullable MilestoneRow existing, Runnable saved) {
        setId("milestone-dialog");
        setHeaderTitle(getTranslation(existing == null ? "milestone.new" : "milestone.edit"));
        title.setId("milestone-title");
        Fields.text(title, "milestone.title", 300);
        due.setId("milestone-due");
        Fields.date(due, "milestone.due");
        owner.setId("milestone-owner");
        owner.setLabel(getTranslation("milestone.owner"));
        owner.setItems(List.copyOf(people.entrySet()));
        owner.setItemLabelGenerator(Map.Entry::getValue);
        owner.setClearButtonVisible(true);
        event.setId("milestone-event");
        event.setLabel(getTranslation("milestone.event"));
        event.setItems(events);
        event.setItemLabelGenerator(e -> e.title() + " (" + Formats.date(e.date(), getLocale()) + ")");
        event.setClearButtonVisible(true);
        event.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient() && due.isEmpty()) {
                due.setValue(e.getValue().date());
            }
        });
        document.setId("milestone-document");
        document.setLabel(getTranslation("milestone.document"));
        document.setHelperText(getTranslation("milestone.document.help"));
        completesOn.setId("milestone-completes-on");
        completesOn.setLabel(getTranslation("milestone.completes-on"));
        completesOn.setHelperText(getTranslation("milestone.completes-on.help"));
        completesOn.setItems(DocumentStage.APPROVED, DocumentStage.PUBLISHED);
        completesOn.setItemLabelGenerator(s -> getTranslation("milestone.completes-on." + s.name().toLowerCase(java.util.Locale.ROOT)));
        completesOn.setValue(existing == null ? DocumentStage.APPROVED : existing.completesOn());
        if (existing != null) {
            title.setValue(existing.title());
            due.setValue(existing.dueDate());
            people.entrySet().stream().filter(p -> p.getKey().equals(existing.ownerPersonId())).findFirst()
                    .ifPresent(owner::setValue);
            events.stream().filter(ev -> existing.eventId() != null && ev.id() == existing.eventId()).findFirst()
                    .ifPresent(event::setValue);
            if (existing.documentId() != null) {
                document.setValue(existing.documentId().intValue());
            }
        }
        add(new FormLayout(title, due, owner, event, document, completesOn));
        save.setText(getTranslation("common.save"));
        save.setId("milestone-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (Fields.unreadable(due)) {
                return; // the field says what is wrong; "no date" must not reach the server
            }
            MilestoneDraft draft = new MilestoneDraft(existing == null ? null : existing.id(), projectId,
                    existing == null ? 0 : existing.version(), title.getValue(), due.getValue(),
                    owner.getValue() == null ? null : owner.getValue().getKey(),
                    event.getValue() == null ? null : event.getValue().id(),
                    document.getValue() == null ? null : document.getValue().longValue(), completesOn.getValue());
            if (Feedback.run(this, () -> milestoneService.saveMilestone(draft))) {
                Feedback.success(getTranslation("common.saved"));
                close();
                saved.run();
            }
        });
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, save);
        setWidth("40rem");
    }
}
