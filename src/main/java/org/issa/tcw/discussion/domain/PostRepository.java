package org.issa.tcw.discussion.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PostRepository extends JpaRepository<Post, Long> {

    /** Posts from sequence number {@code fromSeq} on, oldest first (a page of a long thread). */
    @Query("select p from Post p where p.threadId = :threadId and p.seq >= :fromSeq order by p.seq asc")
    List<Post> fromSeq(long threadId, long fromSeq, Pageable limit);

    /** Posts before sequence number {@code beforeSeq}, newest first (the page above the loaded ones). */
    @Query("select p from Post p where p.threadId = :threadId and p.seq < :beforeSeq order by p.seq desc")
    List<Post> beforeSeq(long threadId, long beforeSeq, Pageable limit);

    /** The posts replied to. */
    @Query("select new org.issa.tcw.discussion.domain.ReplyTarget(p.id, p.seq, p.authorId) from Post p where p.id in :ids")
    List<ReplyTarget> replyTargets(Collection<Long> ids);

    /**
     * How many discussion rows refer to a person: threads and posts written, posts hidden,
     * reactions, mentions, read markers and watches (each holds a foreign key to {@code person}).
     */
    @Query(nativeQuery = true, value = """
            select (select count(*) from discussion_thread where author_id = :personId)
                 + (select count(*) from discussion_post where author_id = :personId or hidden_by = :personId)
                 + (select count(*) from discussion_reaction where person_id = :personId)
                 + (select count(*) from discussion_mention where person_id = :personId)
                 + (select count(*) from discussion_read_marker where person_id = :personId)
                 + (select count(*) from discussion_thread_watch where person_id = :personId)
                 + (select count(*) from discussion_commission_watch where person_id = :personId)""")
    long countReferencesToPerson(long personId);

    @Query("select count(p) from Post p where p.authorId = :authorId and p.createdAt > :since")
    long countByAuthorSince(long authorId, Instant since);

    @Query("select t.commissionId from Post p, DiscussionThread t where p.id = :postId and t.id = p.threadId")
    java.util.Optional<Long> commissionOf(long postId);

    /** The distinct authors of a thread's posts. */
    @Query("select distinct p.authorId from Post p where p.threadId = :threadId")
    List<Long> authorsOf(long threadId);
}
