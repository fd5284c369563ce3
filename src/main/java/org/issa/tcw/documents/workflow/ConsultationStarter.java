package org.issa.tcw.documents.workflow;

/**
 * The extension point of the stepper's "Send to consultation" button: the consultation feature
 * provides one bean of this type that opens its round dialog for the document and, once the round
 * is opened (which moves the document with {@link DocumentWorkflow#enterConsultation}), calls
 * {@code opened}. Without such a bean the button moves the document to consultation directly.
 */
public interface ConsultationStarter {

    /** Starts a consultation of the document (e.g. opens a dialog); runs on the UI thread. */
    void start(long documentId, Runnable opened);
}
