package org.issa.tcw.documents.comments.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DocumentCommentRepository extends JpaRepository<DocumentComment, Long> {

    /** Every comment and reply of a document, oldest first (one query for the whole panel). */
    List<DocumentComment> findByDocumentIdOrderByIdAsc(long documentId);

    @Query("""
            select count(c) from DocumentComment c
            where c.authorId = :personId or c.resolvedBy = :personId""")
    long countReferencesToPerson(long personId);
}
