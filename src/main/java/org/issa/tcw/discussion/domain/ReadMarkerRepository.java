package org.issa.tcw.discussion.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ReadMarkerRepository extends JpaRepository<ReadMarker, ReadMarker.Key> {

    /** Moves the reader's existing markers of a commission's threads to their last post. */
    @Modifying
    @Query("""
            update ReadMarker m set m.lastReadSeq =
                (select t.lastSeq from DiscussionThread t where t.id = m.threadId)
            where m.personId = :reader
              and m.threadId in (select t.id from DiscussionThread t where t.commissionId = :commissionId)
            """)
    int catchUpExisting(long commissionId, long reader);

    /** Creates markers at the last post for the commission's threads the reader never opened. */
    @Modifying
    @Query("""
            insert into ReadMarker (threadId, personId, lastReadSeq)
            select t.id, :reader, t.lastSeq from DiscussionThread t
            where t.commissionId = :commissionId
              and not exists (select 1 from ReadMarker m where m.threadId = t.id and m.personId = :reader)
            """)
    int createMissing(long commissionId, long reader);
}
