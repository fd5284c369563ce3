package org.issa.tcw.discussion.domain;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
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
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.UserText;
import org.issa.tcw.discussion.Anchor;
import org.issa.tcw.discussion.AnchorType;
import org.jspecify.annotations.Nullable;

/**
 * A discussion thread of one commission. It hands out the sequence numbers of its posts (under a
 * row lock, see {@link DiscussionThreadRepository#lockById}), so unread counts are a subtraction.
 */
@Entity
@Indexed
@SearchKind(value = "THREAD", commissionScoped = true)
@Table(name = "discussion_thread")
public class DiscussionThread {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @GenericField(name = SearchFields.COMMISSION, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(nullable = false, updatable = false)
    private long commissionId;

    @Column(nullable = false, updatable = false)
    private String commissionCode;

    @Enumerated(EnumType.STRING)
    private @Nullable AnchorType anchorType;

    private @Nullable Long anchorId;

    private @Nullable String anchorLabel;

    @SearchText(SearchFields.TITLE)
    @Column(nullable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private long authorId;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @GenericField(name = SearchFields.DATE, sortable = Sortable.YES, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(nullable = false)
    private Instant lastPostAt;

    private long lastSeq;

    private int replyCount;

    private boolean pinned;

    private boolean locked;

    @Version
    private long version;

    protected DiscussionThread() {
    }

    public DiscussionThread(long commissionId, String commissionCode, String title, long authorId,
            @Nullable Anchor anchor, Instant now) {
        this.commissionId = commissionId;
        this.commissionCode = commissionCode;
        this.title = UserText.normalize(title, true);
        this.authorId = authorId;
        this.createdAt = now;
        this.lastPostAt = now;
        moveTo(anchor);
    }

    /** The next post's sequence number; refuses a locked thread unless the post opens the thread. */
    public long nextSeq(Instant now) {
        if (locked) {
            throw new UserFacingException("discussion.thread.locked");
        }
        lastSeq++;
        if (lastSeq > 1) {
            replyCount++;
        }
        lastPostAt = now;
        return lastSeq;
    }

    public void moveTo(@Nullable Anchor anchor) {
        this.anchorType = anchor == null ? null : anchor.type();
        this.anchorId = anchor == null ? null : anchor.id();
        this.anchorLabel = anchor == null ? null : anchor.label();
    }

    public void pin(boolean pinned) {
        this.pinned = pinned;
    }

    public void lock(boolean locked) {
        this.locked = locked;
    }

    public Long getId() {
        return id;
    }

    public long getCommissionId() {
        return commissionId;
    }

    public String getCommissionCode() {
        return commissionCode;
    }

    public @Nullable AnchorType getAnchorType() {
        return anchorType;
    }

    public @Nullable Long getAnchorId() {
        return anchorId;
    }

    public @Nullable String getAnchorLabel() {
        return anchorLabel;
    }

    public String getTitle() {
        return title;
    }

    public long getAuthorId() {
        return authorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastPostAt() {
        return lastPostAt;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public int getReplyCount() {
        return replyCount;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean isLocked() {
        return locked;
    }

    public long getVersion() {
        return version;
    }
}
