package org.issa.tcw.documents.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.versions.DocumentVersions;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Language versions of a document (X5, docs/adr/062): a document of the same commission is linked
 * as the translation of a source document; the link keeps a version of the source and its log
 * position, so that a later change of the source flags the translation "source changed since"
 * until someone marks it up to date (which keeps the new source version). One level only: a source
 * is no translation, and each language appears once in a family.
 */
@Service
@Transactional(readOnly = true)
public class LanguageVersions {

    private final JdbcClient jdbc;
    private final CommissionAccess access;
    private final CurrentUser currentUser;
    private final DocumentVersions versions;
    private final Clock clock;

    LanguageVersions(DataSource dataSource, CommissionAccess access, CurrentUser currentUser,
            DocumentVersions versions, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.access = access;
        this.currentUser = currentUser;
        this.versions = versions;
        this.clock = clock;
    }

    private record Doc(long id, long commissionId, String title, WorkingLanguage language, long lastSeq) {
    }

    private Doc doc(long id) {
        return jdbc.sql("select id, commission_id, title, language, last_seq from document where id = :id")
                .param("id", id).query((rs, i) -> new Doc(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        WorkingLanguage.valueOf(rs.getString(4)), rs.getLong(5))).optional()
                .orElseThrow(NotFoundException::new);
    }

    private Optional<Long> sourceOf(long documentId) {
        return jdbc.sql("select source_id from document_translation where document_id = :doc").param("doc", documentId)
                .query(Long.class).optional();
    }

    /**
     * The language versions of the document's family (its source first, then the translations by
     * language), each with its stage and, for translations, the "source changed since" flag.
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public List<LanguageVersion> family(long documentId) {
        Doc d = doc(documentId);
        if (!access.may(CommissionAction.READ, d.commissionId())) {
            throw new AccessDeniedException("document.refused.read");
        }
        long sourceId = sourceOf(documentId).orElse(documentId);
        List<LanguageVersion> family = new ArrayList<>();
        jdbc.sql("""
                select d.id, d.title, d.language, w.stage from document d
                left join document_workflow w on w.document_id = d.id where d.id = :source""")
                .param("source", sourceId).query((rs, i) -> family.add(new LanguageVersion(rs.getLong(1),
                        rs.getString(2), WorkingLanguage.valueOf(rs.getString(3)), stage(rs.getString(4)), true, false,
                        null))).list();
        jdbc.sql("""
                select d.id, d.title, d.language, w.stage, t.source_seq, s.last_seq, t.source_version_id
                from document_translation t join document d on d.id = t.document_id
                join document s on s.id = t.source_id
                left join document_workflow w on w.document_id = d.id
                where t.source_id = :source order by d.language, d.id""").param("source", sourceId)
                .query((rs, i) -> {
                    long version = rs.getLong(7);
                    return family.add(new LanguageVersion(rs.getLong(1), rs.getString(2),
                            WorkingLanguage.valueOf(rs.getString(3)), stage(rs.getString(4)), false,
                            rs.getLong(6) > rs.getLong(5), rs.wasNull() ? null : version));
                }).list();
        return family;
    }

    static DocumentStage stage(@Nullable String stage) {
        return stage == null ? DocumentStage.DRAFT : DocumentStage.valueOf(stage);
    }

    /**
     * Links {@code translationId} as the translation of {@code sourceId}, made from the source as it
     * is now (a version of the source is kept).
     *
     * @throws UserFacingException if the person may not link translations in the commission, the
     *                             documents are of different commissions, the languages clash, or
     *                             either is already in another family
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void link(long translationId, long sourceId) {
        Doc translation = doc(translationId);
        Doc source = doc(sourceId);
        if (!access.may(CommissionAction.TRANSLATE_DOCUMENT, translation.commissionId())) {
            throw new UserFacingException("translation.refused");
        }
        if (translationId == sourceId || translation.commissionId() != source.commissionId()) {
            throw new UserFacingException("translation.invalid.commission");
        }
        if (sourceOf(sourceId).isPresent() || sourceOf(translationId).isPresent()
                || jdbc.sql("select count(*) from document_translation where source_id = :doc")
                        .param("doc", translationId).query(Long.class).single() > 0) {
            throw new UserFacingException("translation.invalid.family");
        }
        boolean languageTaken = translation.language() == source.language()
                || jdbc.sql("""
                        select count(*) from document_translation t join document d on d.id = t.document_id
                        where t.source_id = :source and d.language = :language""").param("source", sourceId)
                        .param("language", translation.language().name()).query(Long.class).single() > 0;
        if (languageTaken) {
            throw new UserFacingException("translation.invalid.language");
        }
        long version = versions.keep(sourceId, "Source of the " + translation.language() + " translation");
        jdbc.sql("""
                insert into document_translation (document_id, source_id, source_version_id, source_seq, linked_by, linked_at)
                values (:doc, :source, :version, :seq, :by, :at)""").param("doc", translationId)
                .param("source", sourceId).param("version", version).param("seq", source.lastSeq())
                .param("by", currentUser.personId().orElse(null)).param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Marks the translation as made from the source as it is now: keeps a version of the source and
     * clears "source changed since".
     *
     * @throws UserFacingException if the person may not, or the document is no translation
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markUpToDate(long translationId) {
        Doc translation = doc(translationId);
        if (!access.may(CommissionAction.TRANSLATE_DOCUMENT, translation.commissionId())) {
            throw new UserFacingException("translation.refused");
        }
        long sourceId = sourceOf(translationId).orElseThrow(() -> new UserFacingException("translation.not-linked"));
        Doc source = doc(sourceId);
        long version = versions.keep(sourceId, "Source of the " + translation.language() + " translation");
        jdbc.sql("""
                update document_translation set source_version_id = :version, source_seq = :seq, linked_by = :by,
                linked_at = :at where document_id = :doc""").param("version", version).param("seq", source.lastSeq())
                .param("by", currentUser.personId().orElse(null)).param("at", Timestamp.from(clock.instant()))
                .param("doc", translationId).update();
    }

    /**
     * Ends the link of a translation to its source (both documents stay).
     *
     * @throws UserFacingException if the person may not, or the document is no translation
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void unlink(long translationId) {
        Doc translation = doc(translationId);
        if (!access.may(CommissionAction.TRANSLATE_DOCUMENT, translation.commissionId())) {
            throw new UserFacingException("translation.refused");
        }
        if (jdbc.sql("delete from document_translation where document_id = :doc").param("doc", translationId)
                .update() == 0) {
            throw new UserFacingException("translation.not-linked");
        }
    }

    /** Whether the signed-in person may link translations of this document. */
    @PreAuthorize("isAuthenticated()")
    public boolean mayTranslate(long documentId) {
        return access.may(CommissionAction.TRANSLATE_DOCUMENT, doc(documentId).commissionId());
    }
}
