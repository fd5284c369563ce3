package org.issa.tcw.documents.workflow.ui;

import com.vaadin.flow.component.Component;
import org.issa.tcw.documents.workflow.ConsultationStarter;
import org.issa.tcw.documents.workflow.DocumentWorkflow;
import org.issa.tcw.documents.workflow.LanguageVersions;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Makes the workflow stepper for the document editor page (which only knows this class): every
 * datum comes through {@link DocumentWorkflow}, which checks the reader's rights. The "Send to
 * consultation" button opens the consultation feature's round dialog when it provides a
 * {@link ConsultationStarter}.
 */
@org.springframework.stereotype.Component
public class WorkflowPanels {

    private final DocumentWorkflow workflow;
    private final ObjectProvider<ConsultationStarter> consultations;
    private final LanguageVersions languages;

    WorkflowPanels(DocumentWorkflow workflow, ObjectProvider<ConsultationStarter> consultations,
            LanguageVersions languages) {
        this.languages = languages;
        this.workflow = workflow;
        this.consultations = consultations;
    }

    /**
     * The stepper of a document: its stages with the current one marked, the steps the reader may
     * take, and the steps taken. {@code changed} runs after a step (the page reloads what depends on the stage).
     */
    public Component stepper(long documentId, Runnable changed) {
        return new WorkflowStepper(workflow, consultations.getIfAvailable(), documentId, changed);
    }

    /** The language versions of a document: source, translations, "source changed since", linking. */
    public Component languages(long documentId) {
        return new LanguagePanel(languages, documentId);
    }
}
