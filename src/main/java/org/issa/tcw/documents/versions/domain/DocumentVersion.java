package org.issa.tcw.documents.versions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.issa.tcw.documents.versions.VersionKind;
import org.jspecify.annotations.Nullable;

/** A kept version of a document: its whole Yjs state (V2 encoding). Never changed once written. */
@Entity
@Table(name = "document_version")
public class DocumentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private VersionKind kind;

    @Column(updatable = false, length = 200)
    private @Nullable String name;

    /** The last sequence number of the document's log this version includes. */
    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(updatable = false)
    private @Nullable Long createdBy;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private byte[] state;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 2_000_000)
    private String outline;

    @Column(nullable = false, updatable = false)
    private int wordsAdded;

    @Column(nullable = false, updatable = false)
    private int wordsRemoved;

    @SuppressWarnings("NullAway.Init")
    protected DocumentVersion() {
    }

    @SuppressWarnings("NullAway.Init") // id: set by the database
    public DocumentVersion(long documentId, VersionKind kind, @Nullable String name, long seq,
            @Nullable Long createdBy, Instant createdAt, byte[] state, String outline, int wordsAdded,
            int wordsRemoved) {
        this.documentId = documentId;
        this.kind = kind;
        this.name = name;
        this.seq = seq;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.state = state.clone();
        this.outline = outline;
        this.wordsAdded = wordsAdded;
        this.wordsRemoved = wordsRemoved;
    }

    public Long getId() {
        return id;
    }

    public long getDocumentId() {
        return documentId;
    }

    public VersionKind getKind() {
        return kind;
    }

    public @Nullable String getName() {
        return name;
    }

    public long getSeq() {
        return seq;
    }

    public @Nullable Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public byte[] getState() {
        return state.clone();
    }

    public String getOutline() {
        return outline;
    }

    public int getWordsAdded() {
        return wordsAdded;
    }

    public int getWordsRemoved() {
        return wordsRemoved;
    }
}
