package org.issa.tcw.discussion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A post's text as it was before an edit (shown to moderators). */
@Entity
@Table(name = "discussion_post_revision")
public class PostRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long postId;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(nullable = false, updatable = false)
    private Instant writtenAt;

    @Column(nullable = false, updatable = false)
    private Instant replacedAt;

    protected PostRevision() {
    }

    PostRevision(long postId, String body, Instant writtenAt, Instant replacedAt) {
        this.postId = postId;
        this.body = body;
        this.writtenAt = writtenAt;
        this.replacedAt = replacedAt;
    }

    public long getPostId() {
        return postId;
    }

    public String getBody() {
        return body;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }
}
