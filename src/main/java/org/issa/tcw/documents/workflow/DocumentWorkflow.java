package org.issa.tcw.documents.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentHeader;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.StageEditing;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.versions.KeepVersionRequested;
import org.issa.tcw.documents.workflow.domain.StageMachine;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves documents between the stages of their workflow (docs/adr/060-document-workflow.md): checks
 * the state machine ({@link StageMachine}: from where, who, reason), the other features' vetoes
 * ({@link StageGuard}), records the step (who, when, why), asks for a named version
 * ({@link KeepVersionRequested}) and publishes {@link DocumentStageChanged}, all in one transaction.
 * Also tells the relay how a document may be edited at its stage ({@link StageEditing}).
 */
@Service
@Transactional(readOnly = true)
public class DocumentWorkflow implements StageEditing, org.issa.tcw.documents.PublishedDocuments {

    /**
     * A document's stage is read from the database at most this often per node; a step clears it at
     * once on this node and, after its commit, on the others ({@link org.issa.tcw.cluster.CacheHints}).
     */
    static final long CACHE_NANOS = 5_000_000_000L;

    private static final Map<DocumentStage, String> VERSION_NAMES = Map.of(DocumentStage.DRAFT, "Back to draft",
            DocumentStage.INTERNAL_REVIEW, "Internal review", DocumentStage.CONSULTATION, "Consultation",
            DocumentStage.APPROVED, "Approved", DocumentStage.PUBLISHED, "Published", DocumentStage.WITHDRAWN,
            "Withdrawn");

    private final JdbcClient jdbc;
    private final CommissionAccess access;
    private final CurrentUser currentUser;
    private final DocumentCollaboration collaboration;
    private final DocumentService documents;
    private final YjsEngine engine;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<StageGuard> guards;
    private final org.issa.tcw.commission.CommissionService commissions;
    private final org.issa.tcw.documents.DocumentAccess documentAccess;
    /** The stages read on this node; a step makes every node forget the document's (ADR 101). */
    private final org.issa.tcw.cluster.NodeCache<DocumentStage> stages;

    DocumentWorkflow(DataSource dataSource, CommissionAccess access, CurrentUser currentUser,
            DocumentCollaboration collaboration, DocumentService documents, YjsEngine engine,
            ApplicationEventPublisher events, Clock clock, List<StageGuard> guards,
            org.issa.tcw.commission.CommissionService commissions, org.issa.tcw.documents.DocumentAccess documentAccess,
            org.issa.tcw.cluster.CacheHints cacheHints) {
        this.stages = new org.issa.tcw.cluster.NodeCache<>("documents.stage", CACHE_NANOS, cacheHints);
        this.commissions = commissions;
        this.documentAccess = documentAccess;
        this.jdbc = JdbcClient.create(dataSource);
        this.access = access;
        this.currentUser = currentUser;
        this.collaboration = collaboration;
        this.documents = documents;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
        this.guards = guards;
    }

    /**
     * The document's stage.
     *
     * @throws AccessDeniedException if the person may not read the document
     * @throws NotFoundException     if there is no such document
     */
    @PreAuthorize("isAuthenticated()")
    public DocumentStage stageOf(long documentId) {
        requireReadable(documentId);
        return read(documentId);
    }

    /**
     * The document's workflow for its page: stage, the steps the signed-in person may take, history.
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public WorkflowState state(long documentId) {
        long commissionId = requireReadable(documentId);
        DocumentStage stage = read(documentId);
        Set<WorkflowStep> steps = EnumSet.noneOf(WorkflowStep.class);
        Set<WorkflowStep> needReason = EnumSet.noneOf(WorkflowStep.class);
        for (WorkflowStep step : WorkflowStep.values()) {
            if (StageMachine.allows(stage, step, a -> access.may(a, commissionId))) {
                steps.add(step);
            }
            if (StageMachine.rule(step).reasonRequired()) {
                needReason.add(step);
            }
        }
        boolean mayRevise = (stage == DocumentStage.APPROVED || stage == DocumentStage.PUBLISHED)
                && access.may(CommissionAction.REVISE_DOCUMENT, commissionId);
        Long revisionOf = jdbc.sql("select revision_of from document_workflow where document_id = :doc")
                .param("doc", documentId).query((rs, i) -> java.util.Optional.ofNullable(rs.getObject(1, Long.class)))
                .optional().flatMap(o -> o).orElse(null);
        List<Long> revisions = jdbc.sql("select document_id from document_workflow where revision_of = :doc"
                + " order by document_id").param("doc", documentId).query(Long.class).list();
        return new WorkflowState(documentId, stage, steps, needReason, mayRevise, history(documentId), revisionOf,
                revisions);
    }

    /**
     * The documents that need me, for the home page (one statement): those in internal review in
     * a commission where I may comment on drafts, then those I created or edited in a commission I
     * may read, most recently changed first, at most {@code limit}.
     */
    @PreAuthorize("isAuthenticated()")
    public List<DocumentToAttend> toAttend(int limit) {
        Long me = currentUser.require().personId();
        java.util.Set<Long> readable = access.commissionsWhere(CommissionAction.READ);
        if (me == null || readable.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> reviewing = access.commissionsWhere(CommissionAction.COMMENT_DRAFT);
        return jdbc.sql("""
                select d.id, d.title, d.commission_id, w.stage, d.updated_at,
                  case when w.stage = 'INTERNAL_REVIEW' and d.commission_id in (:reviewing) then 1 else 0 end as review
                from document d left join document_workflow w on w.document_id = d.id
                where d.commission_id in (:readable)
                  and ((w.stage = 'INTERNAL_REVIEW' and d.commission_id in (:reviewing))
                    or d.created_by = :me or d.updated_by = :me
                    or exists (select 1 from document_update u where u.author_id = :me and u.document_id = d.id))
                order by review desc, d.updated_at desc, d.id desc
                fetch first :limit rows only""")
                .param("reviewing", reviewing.isEmpty() ? java.util.Set.of(-1L) : reviewing)
                .param("readable", readable).param("me", me).param("limit", limit)
                .query((rs, i) -> {
                    String stage = rs.getString(4);
                    return new DocumentToAttend(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            stage == null ? DocumentStage.DRAFT : DocumentStage.valueOf(stage),
                            rs.getTimestamp(5).toInstant(), rs.getInt(6) == 1);
                }).list();
    }

    /**
     * The stages of several documents at once (one statement), for lists such as a project's
     * milestones; documents the signed-in person may not read, or that do not exist, are left out.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, DocumentStage> stagesOf(java.util.Collection<Long> documentIds) {
        Map<Long, DocumentStage> stages = new java.util.HashMap<>();
        if (documentIds.isEmpty()) {
            return stages;
        }
        Map<Long, Boolean> readable = new java.util.HashMap<>();
        jdbc.sql("""
                select d.id, d.commission_id, w.stage from document d
                left join document_workflow w on w.document_id = d.id where d.id in (:ids)""")
                .param("ids", java.util.Set.copyOf(documentIds)).query((rs, i) -> {
                    long commissionId = rs.getLong(2);
                    if (readable.computeIfAbsent(commissionId, c -> access.may(CommissionAction.READ, c))) {
                        String stage = rs.getString(3);
                        stages.put(rs.getLong(1), stage == null ? DocumentStage.DRAFT : DocumentStage.valueOf(stage));
                    }
                    return 0;
                }).list();
        return stages;
    }

    private List<StageStepRow> history(long documentId) {
        return jdbc.sql("""
                select s.id, s.from_stage, s.to_stage, s.by_person_id, p.first_name, p.last_name, s.reason, s.at
                from document_stage_step s left join person p on p.id = s.by_person_id
                where s.document_id = :doc order by s.id desc""").param("doc", documentId).query((rs, i) -> {
                    long by = rs.getLong(4);
                    Long byId = rs.wasNull() ? null : by;
                    String first = rs.getString(5);
                    String last = rs.getString(6);
                    String name = last == null ? null : (first == null ? "" : first + " ") + last;
                    return new StageStepRow(rs.getLong(1), DocumentStage.valueOf(rs.getString(2)),
                            DocumentStage.valueOf(rs.getString(3)), byId, name, rs.getString(7),
                            rs.getTimestamp(8).toInstant());
                }).list();
    }

    /**
     * Takes a workflow step: the document moves to the step's stage, the step is recorded, a named
     * version is kept after the commit and {@link DocumentStageChanged} is published.
     *
     * @return the stage the document is in now
     * @throws UserFacingException   if the step does not leave from the document's stage, the person
     *                               may not take it, a needed reason is missing, or a guard refuses
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public DocumentStage take(long documentId, WorkflowStep step, @Nullable String reason) {
        long commissionId = requireRead(documentId);
        // the document's row is the lock: two steps of one document are taken one after the other
        jdbc.sql("select id from document where id = :doc for update").param("doc", documentId).query(Long.class)
                .single();
        DocumentStage from = read(documentId, false);
        DocumentStage to = StageMachine.next(from, step, a -> access.may(a, commissionId), reason);
        guards.forEach(g -> g.check(documentId, from, to));
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Instant now = clock.instant();
        Long by = currentUser.personId().orElse(null);
        int updated = jdbc.sql("update document_workflow set stage = :stage, changed_at = :at where document_id = :doc")
                .param("stage", to.name()).param("at", Timestamp.from(now)).param("doc", documentId).update();
        if (updated == 0) {
            jdbc.sql("insert into document_workflow (document_id, stage, changed_at) values (:doc, :stage, :at)")
                    .param("doc", documentId).param("stage", to.name()).param("at", Timestamp.from(now)).update();
        }
        jdbc.sql("""
                insert into document_stage_step (document_id, from_stage, to_stage, by_person_id, reason, at)
                values (:doc, :from, :to, :by, :reason, :at)""").param("doc", documentId)
                .param("from", from.name()).param("to", to.name()).param("by", by).param("reason", why)
                .param("at", Timestamp.from(now)).update();
        forget(documentId);
        String name = java.util.Objects.requireNonNull(VERSION_NAMES.get(to)) + (why == null ? "" : ": " + why);
        events.publishEvent(new KeepVersionRequested(documentId,
                name.length() > 200 ? name.substring(0, 199) + "…" : name));
        events.publishEvent(new DocumentStageChanged(documentId, commissionId, from, to, by == null ? 0 : by, why, now));
        announce(documentId, from, to, why);
        return to;
    }

    /** The commission's active members, but the one who took the step, are told (notifications). */
    private void announce(long documentId, DocumentStage from, DocumentStage to, @Nullable String why) {
        DocumentHeader header = documents.open(documentId);
        Long me = currentUser.personId().orElse(null);
        Set<Long> recipients = new java.util.HashSet<>();
        commissions.details(header.commissionCode()).ifPresent(d -> d.members().stream()
                .filter(m -> "ACTIVE".equals(m.status())).map(org.issa.tcw.commission.MemberRow::personId)
                .filter(p -> !p.equals(me)).forEach(recipients::add));
        events.publishEvent(new DocumentStageAnnounced(documentId, header.title(), from, to,
                currentUser.require().displayName(), why, Set.copyOf(recipients)));
    }

    /**
     * Moves the document to consultation, inside the caller's transaction (the consultation feature
     * calls it when it opens a round); the signed-in person must be allowed to send it there.
     *
     * @throws UserFacingException if the document is not a draft or in internal review, or the person may not
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.REQUIRED)
    public void enterConsultation(long documentId) {
        take(documentId, WorkflowStep.SEND_TO_CONSULTATION, null);
    }

    /**
     * Moves the document out of consultation, inside the caller's transaction: back to internal
     * review ({@link WorkflowStep#END_CONSULTATION}), approved, back to draft or withdrawn.
     *
     * @throws UserFacingException if the document is not in consultation, the step does not leave
     *                             consultation, or the person may not take it
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.REQUIRED)
    public DocumentStage leaveConsultation(long documentId, WorkflowStep step, @Nullable String reason) {
        requireRead(documentId);
        if (read(documentId, false) != DocumentStage.CONSULTATION || step == WorkflowStep.SEND_TO_CONSULTATION) {
            throw new UserFacingException("workflow.refused.stage");
        }
        return take(documentId, step, reason);
    }

    /**
     * Starts a new draft revision of an approved or published document: a new document of the same
     * commission, kind and language with its content, linked to it; the original stays as it is.
     *
     * @return the new document's id
     * @throws UserFacingException if the document is not approved or published, or the person may not revise it
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long startRevision(long documentId) {
        long commissionId = requireRead(documentId);
        DocumentStage stage = read(documentId, false);
        if (stage != DocumentStage.APPROVED && stage != DocumentStage.PUBLISHED) {
            throw new UserFacingException("workflow.refused.revise-stage");
        }
        if (!access.may(CommissionAction.REVISE_DOCUMENT, commissionId)) {
            throw new UserFacingException("workflow.refused.role");
        }
        DocumentHeader source = documents.open(documentId);
        DocumentForm form = new DocumentForm();
        String title = source.title();
        form.setTitle(title);
        form.setKind(source.kind());
        form.setLanguage(source.language());
        long copy = documents.create(source.commissionCode(), form);
        YjsEngine.VersionState content = collaboration.read(documentId, log -> engine.versionState(log).join());
        collaboration.change(copy, CommissionAction.EDIT_DRAFT, log -> engine.restore(log, content.state()).join());
        jdbc.sql("insert into document_workflow (document_id, stage, revision_of, changed_at) values (:doc, :stage, :of, :at)")
                .param("doc", copy).param("stage", DocumentStage.DRAFT.name()).param("of", documentId)
                .param("at", Timestamp.from(clock.instant())).update();
        return copy;
    }

    /** For the relay: how the document may be edited at its stage (cached for a few seconds). */
    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public StageEditing.Mode mode(long documentId) {
        return StageMachine.editing(read(documentId));
    }

    /** Whether the document is published (for the exports of the library; no permission needed). */
    @Override
    @PreAuthorize("isAuthenticated()")
    public boolean published(long documentId) {
        return read(documentId, false) == DocumentStage.PUBLISHED;
    }

    /** The stage, from the cache when fresh. */
    private DocumentStage read(long documentId) {
        return read(documentId, true);
    }

    private DocumentStage read(long documentId, boolean cached) {
        return cached ? stages.get(documentId, this::readStage) : stages.read(documentId, this::readStage);
    }

    private DocumentStage readStage(long documentId) {
        return jdbc.sql("select stage from document_workflow where document_id = :doc")
                .param("doc", documentId).query(String.class).optional().map(DocumentStage::valueOf)
                .orElse(DocumentStage.DRAFT);
    }

    private void forget(long documentId) {
        stages.forget(documentId);
    }

    /**
     * The document's commission, after checking that the signed-in person may read the document by
     * a role in its commission or a grant on it (a consultation's participant from another
     * commission sees the stage on the document's page; the steps still need the commission's rows).
     */
    private long requireReadable(long documentId) {
        Optional<Long> commission = jdbc.sql("select commission_id from document where id = :doc")
                .param("doc", documentId).query(Long.class).optional();
        long commissionId = commission.orElseThrow(NotFoundException::new);
        documentAccess.require(CommissionAction.READ, documentId, commissionId, "document.refused.read");
        return commissionId;
    }

    /** The document's commission, after checking that the signed-in person may read the document. */
    private long requireRead(long documentId) {
        Optional<Long> commission = jdbc.sql("select commission_id from document where id = :doc")
                .param("doc", documentId).query(Long.class).optional();
        long commissionId = commission.orElseThrow(NotFoundException::new);
        if (!access.may(CommissionAction.READ, commissionId)) {
            throw new AccessDeniedException("document.refused.read");
        }
        return commissionId;
    }
}
