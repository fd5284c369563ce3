package org.issa.tcw.discussion.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReactedRepository extends JpaRepository<Reacted, Reacted.Key> {

    /** Each reaction's count on the given posts, and whether the reader is among them. */
    @Query("""
            select new org.issa.tcw.discussion.domain.ReactionSummary(r.postId, r.reaction, count(r),
                sum(case when r.personId = :reader then 1L else 0L end))
            from Reacted r where r.postId in :postIds
            group by r.postId, r.reaction
            """)
    List<ReactionSummary> summary(Collection<Long> postIds, long reader);
}
