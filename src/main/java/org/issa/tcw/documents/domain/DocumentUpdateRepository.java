package org.issa.tcw.documents.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DocumentUpdateRepository extends JpaRepository<DocumentUpdate, Long> {

    @Query("""
            select new org.issa.tcw.documents.domain.LoggedUpdate(u.seq, u.data) from DocumentUpdate u
            where u.documentId = :documentId and u.seq > :afterSeq order by u.seq
            """)
    List<LoggedUpdate> tail(long documentId, long afterSeq);

    @Query("""
            select new org.issa.tcw.documents.domain.LoggedUpdate(u.seq, u.data) from DocumentUpdate u
            where u.documentId = :documentId and u.seq > :afterSeq and u.seq <= :uptoSeq order by u.seq
            """)
    List<LoggedUpdate> range(long documentId, long afterSeq, long uptoSeq);

    /** (number of updates, their total size in bytes) of the document's log. */
    @Query("select count(u), coalesce(sum(u.size), 0) from DocumentUpdate u where u.documentId = :documentId")
    List<Object[]> logSize(long documentId);

    @Modifying(flushAutomatically = true)
    @Query("delete from DocumentUpdate u where u.documentId = :documentId and u.seq <= :uptoSeq")
    int deleteUpTo(long documentId, long uptoSeq);

    @Query(value = "select seq from document_receipt where document_id = :documentId and client_update_id = :clientUpdateId",
            nativeQuery = true)
    Optional<Long> receipt(long documentId, String clientUpdateId);

    @Modifying
    @Query(value = """
            insert into document_receipt (document_id, client_update_id, seq, received_at)
            values (:documentId, :clientUpdateId, :seq, :receivedAt)
            """, nativeQuery = true)
    int addReceipt(long documentId, String clientUpdateId, long seq, Instant receivedAt);

    @Modifying
    @Query(value = "delete from document_receipt where document_id = :documentId and received_at < :before", nativeQuery = true)
    int pruneReceipts(long documentId, Instant before);

    /** Records that Yjs client {@code clientId} of the document is the person's, unless it is known already. */
    @Modifying
    @Query(value = """
            insert into document_client (document_id, client_id, person_id)
            select :documentId, :clientId, :personId
            where not exists (select 1 from document_client where document_id = :documentId and client_id = :clientId)
            """, nativeQuery = true)
    int addClient(long documentId, long clientId, long personId);

    /** (client id, person id) of every Yjs client recorded for the document. */
    @Query(value = "select client_id, person_id from document_client where document_id = :documentId", nativeQuery = true)
    List<Object[]> clients(long documentId);
}
