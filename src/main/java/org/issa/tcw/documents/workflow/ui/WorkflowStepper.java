package org.issa.tcw.documents.workflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.documents.workflow.ConsultationStarter;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.issa.tcw.documents.workflow.StageStepRow;
import org.issa.tcw.documents.workflow.WorkflowState;
import org.issa.tcw.documents.workflow.WorkflowStep;
import org.issa.tcw.documents.workflow.domain.StageMachine;
import org.jspecify.annotations.Nullable;

/**
 * The stepper at the top of a document: draft → internal review → consultation → approved →
 * published (withdrawn shown when it is), the buttons of the steps the reader may take (a dialog
 * asks for the reason where one is needed), the "new draft revision" button of approved and
 * published documents, and the steps taken (who, when, why).
 */
class WorkflowStepper extends Div {

    private static final List<DocumentStage> PATH = List.of(DocumentStage.DRAFT, DocumentStage.INTERNAL_REVIEW,
            DocumentStage.CONSULTATION, DocumentStage.APPROVED, DocumentStage.PUBLISHED);

    private final DocumentWorkflow workflow;
    private final @Nullable ConsultationStarter consultations;
    private final long documentId;
    private final Runnable changed;

    WorkflowStepper(DocumentWorkflow workflow, @Nullable ConsultationStarter consultations, long documentId,
            Runnable changed) {
        this.workflow = workflow;
        this.consultations = consultations;
        this.documentId = documentId;
        this.changed = changed;
        setId("workflow-stepper");
        addClassName("tcw-workflow-stepper");
        render();
    }

    private void render() {
        removeAll();
        WorkflowState state = workflow.state(documentId);
        var stages = new Div();
        stages.addClassName("tcw-workflow-stages");
        List<DocumentStage> shown = state.stage() == DocumentStage.WITHDRAWN
                ? java.util.stream.Stream.concat(PATH.stream(), java.util.stream.Stream.of(DocumentStage.WITHDRAWN)).toList()
                : PATH;
        int current = shown.indexOf(state.stage());
        for (int i = 0; i < shown.size(); i++) {
            DocumentStage s = shown.get(i);
            var chip = new Span(getTranslation("workflow.stage." + key(s)));
            chip.setId("workflow-stage-" + key(s));
            chip.getElement().getThemeList().add(i == current ? "badge primary" : i < current ? "badge success" : "badge contrast");
            if (i == current) {
                chip.getElement().setAttribute("aria-current", "step");
            }
            stages.add(chip);
            if (i < shown.size() - 1) {
                stages.add(new Span("→"));
            }
        }
        add(stages);
        if (StageMachine.editing(state.stage()) == org.issa.tcw.documents.StageEditing.Mode.CLOSED) {
            var note = new Paragraph(getTranslation("workflow.closed-note"));
            note.setId("workflow-closed-note");
            add(note);
        }
        var actions = new Div();
        actions.addClassName("tcw-workflow-actions");
        for (WorkflowStep step : state.steps()) {
            var button = new Button(getTranslation("workflow.step." + step.key()), e -> start(step, state));
            button.setId("workflow-" + step.key());
            if (step == WorkflowStep.SEND_BACK || step == WorkflowStep.WITHDRAW) {
                button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            } else {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            }
            actions.add(button);
        }
        if (state.mayRevise()) {
            var revise = new Button(getTranslation("workflow.revise"), e -> revise());
            revise.setId("workflow-revise");
            revise.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(revise);
        }
        add(actions);
        if (state.revisionOf() != null) {
            var link = new Anchor("documents/" + state.revisionOf(), getTranslation("workflow.revision-of"));
            link.setId("workflow-revision-of");
            add(link);
        }
        for (Long revision : state.revisions()) {
            var link = new Anchor("documents/" + revision, getTranslation("workflow.revision", revision));
            link.addClassName("tcw-workflow-revision");
            add(link);
        }
        add(history(state.history()));
    }

    /** The steps taken, behind a closed summary: the lines are built when it is first opened (ADR 092). */
    private Details history(List<StageStepRow> steps) {
        var details = new Details(getTranslation("workflow.history", steps.size()));
        details.setId("workflow-history-details");
        details.addOpenedChangeListener(e -> {
            if (e.isOpened() && details.getContent().findAny().isEmpty()) {
                details.add(historyLines(steps));
            }
        });
        return details;
    }

    private Div historyLines(List<StageStepRow> steps) {
        var list = new Div();
        list.setId("workflow-history");
        if (steps.isEmpty()) {
            list.add(new Paragraph(getTranslation("workflow.history.empty")));
        }
        Locale locale = getLocale();
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(UserZone.current());
        for (StageStepRow row : steps) {
            String who = row.byName() == null ? getTranslation("workflow.history.someone") : row.byName();
            var line = new Paragraph(getTranslation("workflow.history.line", getTranslation("workflow.stage." + key(row.from())),
                    getTranslation("workflow.stage." + key(row.to())), who, format.format(row.at())));
            line.addClassName("tcw-workflow-step");
            if (row.reason() != null) {
                line.add(new Span(" — " + row.reason()));
            }
            list.add(line);
        }
        return list;
    }

    private void start(WorkflowStep step, WorkflowState state) {
        if (step == WorkflowStep.SEND_TO_CONSULTATION && consultations != null) {
            consultations.start(documentId, this::done);
            return;
        }
        if (state.needReason().contains(step)) {
            askReason(step);
        } else {
            take(step, null);
        }
    }

    private void askReason(WorkflowStep step) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("workflow.step." + step.key()));
        var reason = new TextArea(getTranslation("workflow.reason"));
        reason.setId("workflow-reason");
        reason.setMaxLength(StageMachine.REASON_MAX);
        reason.setWidthFull();
        reason.setHelperText(getTranslation("workflow.reason.help"));
        var confirm = new Button(getTranslation("workflow.step." + step.key()), e -> {
            if (take(step, reason.getValue())) {
                dialog.close();
            }
        });
        confirm.setId("workflow-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private boolean take(WorkflowStep step, @Nullable String reason) {
        boolean ok = Feedback.run(this, () -> workflow.take(documentId, step, reason));
        if (ok) {
            Feedback.success(getTranslation("workflow.done", getTranslation("workflow.step." + step.key())));
            done();
        }
        return ok;
    }

    private void done() {
        render();
        changed.run();
    }

    private void revise() {
        long[] created = new long[1];
        if (Feedback.run(this, () -> created[0] = workflow.startRevision(documentId))) {
            Feedback.success(getTranslation("workflow.revise.done"));
            UI.getCurrent().navigate("documents/" + created[0]);
        }
    }

    private static String key(DocumentStage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
