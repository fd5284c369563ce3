package org.issa.tcw.documents.comments.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DocumentCommentRepository extends JpaRepository<DocumentComment, Long> {

    /** Every comment and reply of a document, oldest first (one query for the whole panel). */
    List<DocumentComment> findByDocumentIdOrderByIdAsc(long documentId);

    @Query("""
            select count(c) from DocumentComment c
            where c.authorId = :personId or c.resolvedBy = :personId""")
    long countReferencesToPerson(long personId);

    /**
     * Moves a thread's anchor if it is still {@code oldFrom}–{@code oldTo} (two editors that noticed
     * the same detachment: only the first moves it). The number of rows changed, 0 or 1.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update DocumentComment c set c.anchorFrom = :from, c.anchorTo = :to
            where c.id = :id and c.parentId is null and c.anchorFrom = :oldFrom and c.anchorTo = :oldTo""")
    int reanchor(long id, String oldFrom, String oldTo, String from, String to);
}
