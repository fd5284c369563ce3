package org.issa.tcw.documents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One Yjs update of a document's log since its last compaction, with the sequence number it was given. */
@Entity
@Table(name = "document_update")
public class DocumentUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false, updatable = false)
    private long documentId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "author_id", updatable = false)
    private @Nullable Long authorId;

    @Column(nullable = false, updatable = false)
    private byte[] data;

    @Column(nullable = false, updatable = false)
    private int size;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected DocumentUpdate() {
    }

    public DocumentUpdate(long documentId, long seq, @Nullable Long authorId, byte[] data, Instant createdAt) {
        if (seq <= 0 || data.length == 0) {
            throw new IllegalArgumentException("An update needs a positive sequence number and content");
        }
        this.documentId = documentId;
        this.seq = seq;
        this.authorId = authorId;
        this.data = data.clone();
        this.size = data.length;
        this.createdAt = createdAt;
    }

    public long getSeq() {
        return seq;
    }

    public byte[] getData() {
        return data.clone();
    }

    public int getSize() {
        return size;
    }
}
