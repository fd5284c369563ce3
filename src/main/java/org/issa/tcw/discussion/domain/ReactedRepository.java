package org.issa.tcw.discussion.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReactedRepository extends JpaRepository<Reacted, Reacted.Key> {

    /** (post id, reaction, count, whether the reader is among them) for the given posts. */
    @Query("""
            select r.postId, r.reaction, count(r), sum(case when r.personId = :reader then 1 else 0 end)
            from Reacted r where r.postId in :postIds
            group by r.postId, r.reaction
            """)
    List<Object[]> summary(Collection<Long> postIds, long reader);
}
