package org.issa.tcw.documents.versions.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DocumentVersionRepository extends JpaRepository<DocumentVersion, Long> {

    /** The versions of a document without their states, newest first (one query for the History panel). */
    @Query("""
            select new org.issa.tcw.documents.versions.domain.VersionRow(v.id, v.kind, v.name, v.seq, v.createdBy,
                v.createdAt, v.wordsAdded, v.wordsRemoved)
            from DocumentVersion v where v.documentId = :documentId order by v.id desc""")
    List<VersionRow> rows(long documentId);

    /** The size of a version's stored state, in bytes. */
    @Query(value = "select octet_length(state) from document_version where id = :id", nativeQuery = true)
    long stateBytes(long id);

    /** The newest version of a document. */
    Optional<DocumentVersion> findFirstByDocumentIdOrderByIdDesc(long documentId);

    /**
     * Documents changed since their newest version (or never versioned) whose newest version was
     * made before {@code dayStart}: those the daily job keeps a version of.
     */
    @Query(value = """
            select d.id from document d
            where d.last_seq > coalesce((select max(v.seq) from document_version v where v.document_id = d.id), 0)
              and coalesce((select max(v.created_at) from document_version v where v.document_id = d.id),
                           timestamp '1970-01-01 00:00:00') < :dayStart
            order by d.id""", nativeQuery = true)
    List<Long> changedSinceNewestVersionBefore(Instant dayStart);
}
