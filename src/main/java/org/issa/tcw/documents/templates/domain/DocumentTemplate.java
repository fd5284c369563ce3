package org.issa.tcw.documents.templates.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;

/** Which document is the template of a kind in a working language (one per pair). */
@Entity
@Table(name = "document_template")
public class DocumentTemplate {

    @Id
    @Column(name = "document_id")
    private Long documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private DocumentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 2)
    private WorkingLanguage language;

    protected DocumentTemplate() {
    }

    public DocumentTemplate(long documentId, DocumentKind kind, WorkingLanguage language) {
        this.documentId = documentId;
        this.kind = kind;
        this.language = language;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public WorkingLanguage getLanguage() {
        return language;
    }
}
