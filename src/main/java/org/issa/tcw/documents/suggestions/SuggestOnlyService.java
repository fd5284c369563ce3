package org.issa.tcw.documents.suggestions;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.cluster.CacheHints;
import org.issa.tcw.cluster.NodeCache;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentHeader;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.SuggestOnlyPolicy;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changes a document only by suggesting: per document, commission roles (e.g. observers
 * during a review) and people. Managed by reviewers ({@link CommissionAction#REVIEW_DRAFT}); read
 * by the relay at every join and update ({@link SuggestOnlyPolicy}). Observers marked suggest-only
 * may suggest; unmarked observers stay read-only.
 */
@Service
@Transactional(readOnly = true)
public class SuggestOnlyService implements SuggestOnlyPolicy {

    private final JdbcClient jdbc;
    private final CommissionAccess access;
    private final CurrentUser currentUser;
    private final DocumentCollaboration collaboration;
    private final DocumentService documents;
    private final CommissionService commissions;
    /**
     * Settings per document, read at most every {@link #CACHE_NANOS}; a change clears it here at once
     * and on the other nodes after its commit ({@link CacheHints}, ADR 101).
     */
    private final NodeCache<SuggestOnlySettings> cache;
    static final long CACHE_NANOS = 5_000_000_000L;

    SuggestOnlyService(DataSource dataSource, CommissionAccess access, CurrentUser currentUser,
            DocumentCollaboration collaboration,
            DocumentService documents, CommissionService commissions, CacheHints cacheHints) {
        this.cache = new NodeCache<>("suggestions.suggest-only", CACHE_NANOS, cacheHints);
        this.jdbc = JdbcClient.create(dataSource);
        this.access = access;
        this.currentUser = currentUser;
        this.collaboration = collaboration;
        this.documents = documents;
        this.commissions = commissions;
    }

    /**
     * Answers for the signed-in person (called by the relay at every join and update push, which has
     * checked READ already). The settings of a document are kept for a few seconds, so that a
     * keystroke in a document without suggest-only participants costs no query at all.
     */
    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public boolean suggestOnly(long documentId, long commissionId) {
        Optional<SignedInUser> user = currentUser.get();
        if (user.isEmpty()) {
            return false;
        }
        SuggestOnlySettings settings = cached(documentId);
        Long personId = user.get().personId();
        if (personId != null && settings.personIds().contains(personId)) {
            return true;
        }
        return !settings.roles().isEmpty()
                && access.roleIn(commissionId).map(settings.roles()::contains).orElse(false);
    }

    private SuggestOnlySettings cached(long documentId) {
        return cache.get(documentId, this::read);
    }

    /**
     * The document's suggest-only settings.
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public SuggestOnlySettings settings(long documentId) {
        if (!collaboration.may(documentId, CommissionAction.READ)) {
            throw new AccessDeniedException("document.refused.read");
        }
        return read(documentId);
    }

    private SuggestOnlySettings read(long documentId) {
        Set<CommissionRole> roles = EnumSet.noneOf(CommissionRole.class);
        Set<Long> people = new HashSet<>();
        jdbc.sql("select person_id, role from document_suggest_only where document_id = :doc")
                .param("doc", documentId).query((rs, i) -> {
                    long person = rs.getLong(1);
                    if (!rs.wasNull()) {
                        people.add(person);
                    }
                    String role = rs.getString(2);
                    if (role != null) {
                        roles.add(CommissionRole.valueOf(role));
                    }
                    return 0;
                }).list();
        return new SuggestOnlySettings(roles, people);
    }

    /**
     * Replaces the document's suggest-only settings. The people must be active members of the
     * document's commission. Editors already open see the change at their next join.
     *
     * @throws UserFacingException if the person may not review the document, or a person is no member
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void save(long documentId, SuggestOnlySettings settings) {
        if (!collaboration.may(documentId, CommissionAction.REVIEW_DRAFT)) {
            throw new UserFacingException("suggestions.refused.settings");
        }
        DocumentHeader header = documents.open(documentId);
        Set<Long> members = new HashSet<>();
        commissions.details(header.commissionCode()).ifPresent(d -> d.members().stream()
                .map(MemberRow::personId).forEach(members::add));
        if (settings.personIds().size() > 1000 || !members.containsAll(settings.personIds())) {
            throw new UserFacingException("suggestions.settings.not-member");
        }
        jdbc.sql("delete from document_suggest_only where document_id = :doc").param("doc", documentId).update();
        for (CommissionRole role : settings.roles()) {
            jdbc.sql("insert into document_suggest_only (document_id, role) values (:doc, :role)")
                    .param("doc", documentId).param("role", role.name()).update();
        }
        for (Long person : List.copyOf(settings.personIds())) {
            jdbc.sql("insert into document_suggest_only (document_id, person_id) values (:doc, :person)")
                    .param("doc", documentId).param("person", person).update();
        }
        cache.forget(documentId);
    }
}
