package org.issa.tcw.discussion.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** How far a person has read a thread: the highest post sequence number they have seen. */
@Entity
@Table(name = "discussion_read_marker")
@IdClass(ReadMarker.Key.class)
public class ReadMarker {

    @Id
    private long threadId;

    @Id
    private long personId;

    private long lastReadSeq;

    protected ReadMarker() {
    }

    public ReadMarker(long threadId, long personId, long lastReadSeq) {
        this.threadId = threadId;
        this.personId = personId;
        this.lastReadSeq = lastReadSeq;
    }

    /** Moves forward only: reading an old page does not make newer posts unread again. */
    public void readUpTo(long seq) {
        lastReadSeq = Math.max(lastReadSeq, seq);
    }

    public long getLastReadSeq() {
        return lastReadSeq;
    }

    public record Key(long threadId, long personId) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
