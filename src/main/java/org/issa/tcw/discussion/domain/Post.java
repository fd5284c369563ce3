package org.issa.tcw.discussion.domain;

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
@Table(name = "discussion_post")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long threadId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(nullable = false, updatable = false)
    private long authorId;

    @Column(updatable = false)
    private @Nullable Long replyToId;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String html;

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

    public Post(long threadId, long seq, long authorId, @Nullable Long replyToId, String body, String html,
            Instant now) {
        this.threadId = threadId;
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
}
