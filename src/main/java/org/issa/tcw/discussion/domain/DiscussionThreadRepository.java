package org.issa.tcw.discussion.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.issa.tcw.discussion.AnchorType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DiscussionThreadRepository extends JpaRepository<DiscussionThread, Long> {

    /**
     * The thread, locked until the transaction ends: posts get their sequence numbers one at a time.
     * Take it as late as possible (everything after it waits for the commit of the transaction before)
     * and as the first load of the thread in the transaction: an entity already in the persistence
     * context would not be read again.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from DiscussionThread t where t.id = :id")
    Optional<DiscussionThread> lockById(long id);

    @Query("select t.commissionId from DiscussionThread t where t.id = :id")
    Optional<Long> commissionOf(long id);

    /** The code of the thread's commission, without loading (or locking) the thread. */
    @Query("select t.commissionCode from DiscussionThread t where t.id = :id")
    Optional<String> commissionCodeOf(long id);

    /**
     * A page of a commission's threads for one reader, pinned first, then by last activity.
     * {@code pattern} is a lower-case LIKE pattern matched against titles and visible posts.
     */
    @Query(value = """
            select new org.issa.tcw.discussion.domain.ThreadForReader(t, m.lastReadSeq, w.level)
            from DiscussionThread t
            left join ReadMarker m on m.threadId = t.id and m.personId = :reader
            left join ThreadWatch w on w.threadId = t.id and w.personId = :reader
            where t.commissionId = :commissionId
              and (:pattern = '%%' or lower(t.title) like :pattern or exists (
                  select 1 from Post p where p.threadId = t.id and p.deleted = false and p.hiddenReason is null
                  and lower(p.body) like :pattern))
            order by t.pinned desc, t.lastPostAt desc, t.id desc
            """)
    List<ThreadForReader> pageForReader(long commissionId, long reader, String pattern, Pageable pageable);

    @Query("""
            select count(t) from DiscussionThread t
            where t.commissionId = :commissionId
              and (:pattern = '%%' or lower(t.title) like :pattern or exists (
                  select 1 from Post p where p.threadId = t.id and p.deleted = false and p.hiddenReason is null
                  and lower(p.body) like :pattern))
            """)
    long countForCommission(long commissionId, String pattern);

    /** Threads attached to a project, document or event, with the reader's marker and level. */
    @Query("""
            select new org.issa.tcw.discussion.domain.ThreadForReader(t, m.lastReadSeq, w.level)
            from DiscussionThread t
            left join ReadMarker m on m.threadId = t.id and m.personId = :reader
            left join ThreadWatch w on w.threadId = t.id and w.personId = :reader
            where t.anchorType = :type and t.anchorId = :anchorId
            order by t.pinned desc, t.lastPostAt desc, t.id desc
            """)
    List<ThreadForReader> forAnchor(AnchorType type, long anchorId, long reader);

    /**
     * Threads of some commissions with posts the reader has not read and has not muted (neither
     * the thread nor its commission), most recent activity first: the home page's list.
     */
    @Query("""
            select new org.issa.tcw.discussion.domain.ThreadForReader(t, m.lastReadSeq, w.level)
            from DiscussionThread t
            left join ReadMarker m on m.threadId = t.id and m.personId = :reader
            left join ThreadWatch w on w.threadId = t.id and w.personId = :reader
            left join CommissionWatch cw on cw.commissionId = t.commissionId and cw.personId = :reader
            where t.commissionId in :commissionIds
              and t.lastSeq > coalesce(m.lastReadSeq, 0)
              and coalesce(w.level, cw.level, org.issa.tcw.discussion.WatchLevel.TRACKING)
                  <> org.issa.tcw.discussion.WatchLevel.MUTED
            order by t.lastPostAt desc, t.id desc
            """)
    List<ThreadForReader> unreadForReader(java.util.Collection<Long> commissionIds, long reader, Pageable pageable);
}
