package org.issa.tcw.discussion.domain;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.issa.tcw.base.search.SearchFields;
import org.issa.tcw.base.search.SearchKind;
import org.issa.tcw.base.search.SearchText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.issa.tcw.base.UserFacingException;
import org.jspecify.annotations.Nullable;

/**
 * One post of a thread: its Markdown source and the sanitized HTML rendered from it when it was
 * written (so reading a thread renders nothing). Deleting is soft ("post removed"); a moderator
 * may hide a post with a reason.
 */
@Entity
@Indexed
@SearchKind(value = "POST", commissionScoped = true)
@Table(name = "discussion_post")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @GenericField(name = SearchFields.PARENT, projectable = Projectable.YES)
    @Column(nullable = false, updatable = false)
    private long threadId;

    /** The thread's commission, kept on the post as the search's permission key (never changes). */
    @GenericField(name = SearchFields.COMMISSION, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(name = "commission_id", nullable = false, updatable = false)
    private long commissionId;

    @GenericField(name = SearchFields.POSITION, projectable = Projectable.YES)
    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(nullable = false, updatable = false)
    private long authorId;

    @Column(updatable = false)
    private @Nullable Long replyToId;

    @SearchText(SearchFields.BODY)
    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String html;

    @GenericField(name = SearchFields.DATE, sortable = Sortable.YES, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private @Nullable Instant editedAt;

    private boolean deleted;

    private @Nullable String hiddenReason;

    private @Nullable Long hiddenBy;

    @Version
    private long version;

    protected Post() {
    }

    public Post(long threadId, long commissionId, long seq, long authorId, @Nullable Long replyToId, String body, String html,
            Instant now) {
        this.threadId = threadId;
        this.commissionId = commissionId;
        this.seq = seq;
        this.authorId = authorId;
        this.replyToId = replyToId;
        this.body = body;
        this.html = html;
        this.createdAt = now;
    }

    /** Replaces the text; returns the revision that keeps the previous text for moderators. */
    public PostRevision edit(String body, String html, Instant now) {
        if (deleted) {
            throw new UserFacingException("discussion.post.deleted");
        }
        PostRevision previous = new PostRevision(id, this.body, editedAt == null ? createdAt : editedAt, now);
        this.body = body;
        this.html = html;
        this.editedAt = now;
        return previous;
    }

    public void delete() {
        this.deleted = true;
    }

    public void hide(String reason, long moderatorId) {
        this.hiddenReason = reason;
        this.hiddenBy = moderatorId;
    }

    public void unhide() {
        this.hiddenReason = null;
        this.hiddenBy = null;
    }

    public Long getId() {
        return id;
    }

    public long getThreadId() {
        return threadId;
    }

    public long getSeq() {
        return seq;
    }

    public long getAuthorId() {
        return authorId;
    }

    public @Nullable Long getReplyToId() {
        return replyToId;
    }

    public String getBody() {
        return body;
    }

    public String getHtml() {
        return html;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getEditedAt() {
        return editedAt;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public @Nullable String getHiddenReason() {
        return hiddenReason;
    }

    public boolean isHidden() {
        return hiddenReason != null;
    }

    public long getVersion() {
        return version;
    }

    public long getCommissionId() {
        return commissionId;
    }

    /** Whether search may return the post: neither deleted nor hidden by a moderator. */
    @GenericField(name = SearchFields.VISIBLE)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "deleted")),
        @ObjectPath(@PropertyValue(propertyName = "hiddenReason"))})
    public boolean isListed() {
        return !deleted && hiddenReason == null;
    }
}
