package org.issa.tcw.discussion.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.issa.tcw.discussion.Reaction;

/** One person's reaction to one post. */
@Entity
@Table(name = "discussion_reaction")
@IdClass(Reacted.Key.class)
public class Reacted {

    @Id
    private long postId;

    @Id
    private long personId;

    @Id
    @Enumerated(EnumType.STRING)
    private Reaction reaction;

    protected Reacted() {
    }

    public Reacted(long postId, long personId, Reaction reaction) {
        this.postId = postId;
        this.personId = personId;
        this.reaction = reaction;
    }

    public record Key(long postId, long personId, Reaction reaction) implements Serializable {
        public Key() {
            this(0, 0, Reaction.THUMBS_UP);
        }
    }
}
