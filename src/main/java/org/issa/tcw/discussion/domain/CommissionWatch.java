package org.issa.tcw.discussion.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.issa.tcw.discussion.WatchLevel;

/** A person's watch level for all threads of a commission (threads without their own level). */
@Entity
@Table(name = "discussion_commission_watch")
@IdClass(CommissionWatch.Key.class)
public class CommissionWatch {

    @Id
    private long commissionId;

    @Id
    private long personId;

    @Enumerated(EnumType.STRING)
    private WatchLevel level;

    protected CommissionWatch() {
    }

    public CommissionWatch(long commissionId, long personId, WatchLevel level) {
        this.commissionId = commissionId;
        this.personId = personId;
        this.level = level;
    }

    public void change(WatchLevel level) {
        this.level = level;
    }

    public long getCommissionId() {
        return commissionId;
    }

    public WatchLevel getLevel() {
        return level;
    }

    public record Key(long commissionId, long personId) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
