package org.issa.tcw.documents.domain;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.issa.tcw.base.search.SearchFields;
import org.issa.tcw.base.search.SearchKind;
import org.issa.tcw.base.search.SearchText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.issa.tcw.base.Checks;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.jspecify.annotations.Nullable;

/**
 * A document of a commission. Its metadata is edited through forms (optimistic locking with
 * {@code @Version}); its content is a Yjs document whose state and update log are written only
 * by the collaboration relay and the compactor, with statements that leave the version alone, so
 * that typing never makes a rename conflict.
 */
@Entity
@Indexed
@SearchKind(value = "DOCUMENT", commissionScoped = true)
@Table(name = "document")
public class Document {

    public static final int TITLE_MAX = DocumentForm.TITLE_MAX;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null for a template (ADR 029): a document no commission owns, edited by the secretariat. */
    @GenericField(name = SearchFields.COMMISSION, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(name = "commission_id", updatable = false)
    private @Nullable Long commissionId;

    @SearchText(SearchFields.TITLE)
    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private DocumentKind kind;

    @KeywordField(name = SearchFields.LANGUAGE, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private WorkingLanguage language;

    @Column(name = "created_by", updatable = false)
    private @Nullable Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_by")
    private @Nullable Long updatedBy;

    @GenericField(name = SearchFields.DATE, sortable = Sortable.YES, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private byte[] state;

    @Column(name = "state_seq", nullable = false)
    private long stateSeq;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    // varchar on H2 and PostgreSQL alike (Hibernate would expect a CLOB for this length on H2)
    // written by update statements off the typing path; the search feature reindexes on DocumentTextChanged
    @SearchText(SearchFields.BODY)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "plain_text", length = 2_000_000)
    private @Nullable String plainText;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 8_000_000)
    private @Nullable String html;

    @Column(name = "rendered_seq", nullable = false)
    private long renderedSeq;

    /**
     * The workflow stage as the database had it when the document was read, for the search index
     * only (the workflow feature owns it in {@code document_workflow}; no row: a draft). The search
     * reindexes the document after each stage change it is told of.
     */
    @Formula("(select w.stage from document_workflow w where w.document_id = id)")
    private @Nullable String stage;

    @Version
    private long version;

    protected Document() {
    }

    /**
     * A new document with the initial Yjs state the server created for it (never an empty state a
     * browser would have to seed: two browsers seeding at once would duplicate the first paragraph).
     */
    public Document(long commissionId, String title, DocumentKind kind, WorkingLanguage language,
            @Nullable Long createdBy, Instant now, byte[] initialState, String plainText, String html) {
        Checks.require(initialState.length > 0, "document.state.missing");
        this.commissionId = commissionId;
        describe(title, kind, language);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedBy = createdBy;
        this.updatedAt = now;
        this.state = initialState.clone();
        this.plainText = plainText;
        this.html = html;
    }

    /** A new template of a document kind in a working language (ADR 029), with its first state. */
    public static Document template(String title, DocumentKind kind, WorkingLanguage language, Instant now,
            byte[] initialState, String plainText, String html) {
        Document d = new Document(0, title, kind, language, null, now, initialState, plainText, html);
        d.commissionId = null;
        return d;
    }

    /** Changes what the document is called and is about. */
    public void describe(String title, DocumentKind kind, WorkingLanguage language) {
        this.title = Checks.requireName(title, TITLE_MAX, "document.title");
        this.kind = kind;
        this.language = language;
    }

    public Long getId() {
        return id;
    }

    /** The commission the document belongs to; null for a template. */
    public @Nullable Long getCommissionId() {
        return commissionId;
    }

    public String getTitle() {
        return title;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public WorkingLanguage getLanguage() {
        return language;
    }

    public @Nullable Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Long getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getStateSeq() {
        return stateSeq;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public @Nullable String getPlainText() {
        return plainText;
    }

    public @Nullable String getHtml() {
        return html;
    }

    /** The stage's name for the index: DRAFT when the workflow has no row (or the entity is new). */
    @KeywordField(name = SearchFields.STAGE, aggregable = Aggregable.YES)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public String getStageForSearch() {
        return stage == null ? "DRAFT" : stage;
    }

    public long getRenderedSeq() {
        return renderedSeq;
    }

    public long getVersion() {
        return version;
    }
}
