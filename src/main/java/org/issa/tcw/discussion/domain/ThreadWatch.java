package org.issa.tcw.discussion.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.issa.tcw.discussion.WatchLevel;

/** A person's watch level for one thread (overrides their level for the commission). */
@Entity
@Table(name = "discussion_thread_watch")
@IdClass(ThreadWatch.Key.class)
public class ThreadWatch {

    @Id
    private long threadId;

    @Id
    private long personId;

    @Enumerated(EnumType.STRING)
    private WatchLevel level;

    protected ThreadWatch() {
    }

    public ThreadWatch(long threadId, long personId, WatchLevel level) {
        this.threadId = threadId;
        this.personId = personId;
        this.level = level;
    }

    public void change(WatchLevel level) {
        this.level = level;
    }

    public WatchLevel getLevel() {
        return level;
    }

    public record Key(long threadId, long personId) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
