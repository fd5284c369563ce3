package org.issa.tcw.documents.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DocumentRepository extends JpaRepository<Document, Long> {

    String LISTING = "select new org.issa.tcw.documents.domain.DocumentListing(d.id, d.commissionId, d.title, d.kind,"
            + " d.language, d.updatedAt, d.updatedBy, d.createdBy, d.version) from Document d ";

    @Query(value = LISTING + "where d.commissionId in :commissionIds",
            countQuery = "select count(d) from Document d where d.commissionId in :commissionIds")
    Page<DocumentListing> listings(Collection<Long> commissionIds, Pageable pageable);

    @Query("select count(d) from Document d where d.commissionId in :commissionIds")
    long countIn(Collection<Long> commissionIds);

    /** A commission's document (templates are not listed: they have no commission). */
    @Query(LISTING + "where d.id = :id and d.commissionId is not null")
    Optional<DocumentListing> listing(long id);

    /** Who owns the document: its commission, or none for a template. */
    @Query("select new org.issa.tcw.documents.domain.DocumentOwner(d.commissionId) from Document d where d.id = :id")
    Optional<DocumentOwner> ownerOf(long id);

    /** The titles of the given documents (e.g. the templates). */
    @Query("select new org.issa.tcw.documents.domain.DocumentTitle(d.id, d.title) from Document d where d.id in :ids")
    java.util.List<DocumentTitle> titles(Collection<Long> ids);

    @Query("select d.lastSeq from Document d where d.id = :id")
    Optional<Long> lastSeq(long id);

    @Query("select new org.issa.tcw.documents.domain.ContentSnapshot(d.state, d.stateSeq, d.lastSeq) from Document d where d.id = :id")
    Optional<ContentSnapshot> snapshot(long id);

    /**
     * Locks the document's row until the transaction ends and reads its last sequence number: every
     * node that appends to this document waits here, so sequence numbers are assigned one by one.
     */
    @Query(value = "select last_seq from document where id = :id for update", nativeQuery = true)
    Optional<Long> lockForAppend(long id);

    /** Moves the sequence on; leaves the version alone (typing must not conflict with a rename). */
    @Modifying(flushAutomatically = true)
    @Query("update Document d set d.lastSeq = :seq, d.updatedAt = :at, d.updatedBy = :by where d.id = :id")
    int advance(long id, long seq, Instant at, @Nullable Long by);

    /** Replaces the compacted state, if nobody else compacted since {@code expectedStateSeq}. */
    @Modifying(flushAutomatically = true)
    @Query("""
            update Document d set d.state = :state, d.stateSeq = :upto, d.plainText = :text, d.html = :html,
                   d.renderedSeq = :upto
            where d.id = :id and d.stateSeq = :expectedStateSeq
            """)
    int replaceState(long id, long expectedStateSeq, byte[] state, long upto, String text, String html);

    /** Stores a newer rendering of the content. */
    @Modifying(flushAutomatically = true)
    @Query("update Document d set d.plainText = :text, d.html = :html, d.renderedSeq = :seq where d.id = :id and d.renderedSeq < :seq")
    int rendered(long id, long seq, String text, String html);

    @Query("select d.renderedSeq from Document d where d.id = :id")
    Optional<Long> renderedSeq(long id);
}
