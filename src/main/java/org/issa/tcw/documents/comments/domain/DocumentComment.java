package org.issa.tcw.documents.comments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment on a document: either the first of a thread, anchored to a range of the text (two Yjs
 * relative positions and the text they enclosed when it was written) or to a suggestion (its id),
 * or a reply in that thread.
 */
@Entity
@Table(name = "document_comment")
public class DocumentComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long documentId;

    @Column(updatable = false)
    private @Nullable Long parentId;

    @Column(nullable = false, updatable = false)
    private long authorId;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(nullable = false, updatable = false)
    private String html;

    @Column(updatable = false)
    private @Nullable String anchorFrom;

    @Column(updatable = false)
    private @Nullable String anchorTo;

    @Column(updatable = false)
    private @Nullable String quote;

    /** The suggestion (its id in the document) this thread is on, instead of a range; null otherwise. */
    @Column(updatable = false)
    private @Nullable String suggestionId;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private @Nullable Instant resolvedAt;

    private @Nullable Long resolvedBy;

    /** The author's name in the Word file this comment was imported from (docs/adr/090); null otherwise. */
    @Column(updatable = false)
    private @Nullable String wordAuthor;

    /** The date the Word file gave this comment, if it came from one and had a date. */
    @Column(updatable = false)
    private @Nullable Instant wordDate;

    @Version
    private long version;

    protected DocumentComment() {
    }

    /** The first comment of a thread, on the range {@code from}–{@code to} that read {@code quote}. */
    public static DocumentComment anchored(long documentId, long authorId, String body, String html, String from,
            String to, String quote, Instant now) {
        DocumentComment c = new DocumentComment(documentId, null, authorId, body, html, now);
        c.anchorFrom = from;
        c.anchorTo = to;
        c.quote = quote;
        return c;
    }

    /** The first comment of a thread on a suggestion (its id in the document), which read {@code quote}. */
    public static DocumentComment onSuggestion(long documentId, long authorId, String body, String html,
            String suggestionId, String quote, Instant now) {
        DocumentComment c = new DocumentComment(documentId, null, authorId, body, html, now);
        c.suggestionId = suggestionId;
        c.quote = quote;
        return c;
    }

    public static DocumentComment reply(DocumentComment to, long authorId, String body, String html, Instant now) {
        return new DocumentComment(to.documentId, to.id, authorId, body, html, now);
    }

    private DocumentComment(long documentId, @Nullable Long parentId, long authorId, String body, String html,
            Instant now) {
        this.documentId = documentId;
        this.parentId = parentId;
        this.authorId = authorId;
        this.body = body;
        this.html = html;
        this.createdAt = now;
    }

    /** Marks a new comment as imported from Word, written there by {@code author} at {@code date}. */
    public DocumentComment fromWord(String author, @Nullable Instant date) {
        this.wordAuthor = author;
        this.wordDate = date;
        return this;
    }

    public @Nullable String getWordAuthor() {
        return wordAuthor;
    }

    public @Nullable Instant getWordDate() {
        return wordDate;
    }

    public void resolve(long by, Instant now) {
        resolvedAt = now;
        resolvedBy = by;
    }

    public void reopen() {
        resolvedAt = null;
        resolvedBy = null;
    }

    public Long getId() {
        return id;
    }

    public long getDocumentId() {
        return documentId;
    }

    public @Nullable Long getParentId() {
        return parentId;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }

    public String getHtml() {
        return html;
    }

    public @Nullable String getAnchorFrom() {
        return anchorFrom;
    }

    public @Nullable String getAnchorTo() {
        return anchorTo;
    }

    public @Nullable String getQuote() {
        return quote;
    }

    public @Nullable String getSuggestionId() {
        return suggestionId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getResolvedAt() {
        return resolvedAt;
    }

    public @Nullable Long getResolvedBy() {
        return resolvedBy;
    }

    public boolean isResolved() {
        return resolvedAt != null;
    }
}
