package org.issa.tcw.discussion.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A person mentioned in a post. */
@Entity
@Table(name = "discussion_mention")
@IdClass(Mention.Key.class)
public class Mention {

    @Id
    private long postId;

    @Id
    private long personId;

    protected Mention() {
    }

    public Mention(long postId, long personId) {
        this.postId = postId;
        this.personId = personId;
    }

    public record Key(long postId, long personId) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
