package org.issa.tcw.documents.templates;

import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;

/** A template: the document that holds it, its kind, working language and title. */
public record TemplateView(long id, DocumentKind kind, WorkingLanguage language, String title) {
}
