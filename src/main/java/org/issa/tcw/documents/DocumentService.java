package org.issa.tcw.documents;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.FormValidation;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.MyCommission;
import org.issa.tcw.documents.domain.Document;
import org.issa.tcw.documents.domain.DocumentListing;
import org.issa.tcw.documents.domain.DocumentRepository;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents of the commissions: creating them, listing them, their metadata. The content goes through {@link DocumentCollaboration}. */
@Service
@Transactional(readOnly = true)
public class DocumentService {

    private final DocumentRepository documents;
    private final CommissionService commissions;
    private final CommissionAccess access;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final YjsEngine engine;
    private final Clock clock;
    private final DocumentLog log;
    private final DocumentAccess documentAccess;

    private final org.springframework.beans.factory.ObjectProvider<StageEditing> stageEditing;
    private final org.springframework.beans.factory.ObjectProvider<PublishedDocuments> publishedDocuments;

    DocumentService(DocumentRepository documents, CommissionService commissions, CommissionAccess access,
            PersonService people, CurrentUser currentUser, YjsEngine engine, Clock clock, DocumentLog log,
            DocumentAccess documentAccess,
            org.springframework.beans.factory.ObjectProvider<StageEditing> stageEditing,
            org.springframework.beans.factory.ObjectProvider<PublishedDocuments> publishedDocuments) {
        this.stageEditing = stageEditing;
        this.publishedDocuments = publishedDocuments;
        this.log = log;
        this.documentAccess = documentAccess;
        this.documents = documents;
        this.commissions = commissions;
        this.access = access;
        this.people = people;
        this.currentUser = currentUser;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Creates an empty document in a commission. Its first state (one empty paragraph) is made here,
     * once, so that editors never have to seed it.
     *
     * @return the new document's id
     */
    @Transactional
    @PreAuthorize("@commissionAccess.may('EDIT_DRAFT', #commissionCode)")
    public long create(String commissionCode, DocumentForm form) {
        CommissionDetails commission = commissions.details(commissionCode).orElseThrow(NotFoundException::new);
        validate(form);
        SignedInUser user = currentUser.require();
        byte[] state = engine.emptyState().join();
        Document document = new Document(commission.id(), form.getTitle(), Objects.requireNonNull(form.getKind()),
                Objects.requireNonNull(form.getLanguage()),
                user.personId(), clock.instant(), state, "", "<p></p>");
        return documents.saveAndFlush(document).getId();
    }

    /** A page of a commission's documents, most recently edited first unless sorted otherwise. */
    @PreAuthorize("@commissionAccess.may('READ', #commissionCode)")
    public List<DocumentRow> page(String commissionCode, Pageable pageable) {
        CommissionDetails commission = commissions.details(commissionCode).orElseThrow(NotFoundException::new);
        return rows(documents.listings(Set.of(commission.id()), pageable),
                Map.of(commission.id(), commission.code()));
    }

    @PreAuthorize("@commissionAccess.may('READ', #commissionCode)")
    public long count(String commissionCode) {
        CommissionDetails commission = commissions.details(commissionCode).orElseThrow(NotFoundException::new);
        return documents.countIn(Set.of(commission.id()));
    }

    /** A page of the documents of every commission I may read (all of them for the secretariat). */
    @PreAuthorize("isAuthenticated()")
    public List<DocumentRow> mine(Pageable pageable) {
        Map<Long, String> codes = myCommissionCodes();
        if (codes.isEmpty()) {
            return List.of();
        }
        return rows(documents.listings(codes.keySet(), pageable), codes);
    }

    @PreAuthorize("isAuthenticated()")
    public long countMine() {
        Map<Long, String> codes = myCommissionCodes();
        return codes.isEmpty() ? 0 : documents.countIn(codes.keySet());
    }

    /**
     * A document's header for the editor page.
     *
     * @throws AccessDeniedException if the signed-in person may not read it
     * @throws NotFoundException     if there is no such document
     */
    @PreAuthorize("isAuthenticated()")
    public DocumentHeader open(long id) {
        DocumentListing d = documents.listing(id).orElseThrow(NotFoundException::new);
        requireMay(CommissionAction.READ, d.id(), d.commissionId());
        CommissionDetails commission = commissionById(d.commissionId());
        return new DocumentHeader(d.id(), d.title(), d.kind(), d.language(), d.commissionId(), commission.code(),
                commission.name(), access.may(CommissionAction.EDIT_DRAFT, d.commissionId()) && !closed(d.id()),
                mayDelete(d),
                d.version());
    }

    /**
     * The header of a published document, for every signed-in person (the library's downloads);
     * never editable.
     *
     * @throws AccessDeniedException if the document is not published
     * @throws NotFoundException     if there is no such document
     */
    @PreAuthorize("isAuthenticated()")
    public DocumentHeader publishedHeader(long id) {
        DocumentListing d = documents.listing(id).orElseThrow(NotFoundException::new);
        PublishedDocuments published = publishedDocuments.getIfAvailable();
        if (published == null || !published.published(id)) {
            throw new AccessDeniedException("document.refused.read");
        }
        CommissionDetails commission = commissionById(d.commissionId());
        return new DocumentHeader(d.id(), d.title(), d.kind(), d.language(), d.commissionId(), commission.code(),
                commission.name(), false, false, d.version());
    }

    /** The form to rename a document. */
    @PreAuthorize("isAuthenticated()")
    public DocumentForm load(long id) {
        DocumentListing d = documents.listing(id).orElseThrow(NotFoundException::new);
        requireMay(CommissionAction.READ, d.id(), d.commissionId());
        DocumentForm form = new DocumentForm();
        form.setId(d.id());
        form.setVersion(d.version());
        form.setTitle(d.title());
        form.setKind(d.kind());
        form.setLanguage(d.language());
        return form;
    }

    /** Renames a document or changes its kind or working language (not its content). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void describe(DocumentForm form) {
        Document document = documents.findById(Objects.requireNonNull(form.getId()))
                .orElseThrow(NotFoundException::new);
        requireMay(CommissionAction.EDIT_DRAFT, document.getId(), commissionOf(document));
        validate(form);
        Versions.requireUnchanged(document.getVersion(), form.getVersion());
        document.describe(form.getTitle(), Objects.requireNonNull(form.getKind()),
                Objects.requireNonNull(form.getLanguage()));
        documents.saveAndFlush(document);
    }

    /**
     * Deletes a document with its history: its chair or vice-chair, the secretariat, or the person
     * who created it while they may still edit the commission's drafts.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void delete(long id) {
        DocumentListing d = documents.listing(id).orElseThrow(NotFoundException::new);
        if (!mayDelete(d)) {
            throw new AccessDeniedException("document.refused.delete");
        }
        documents.deleteById(id);
    }

    /** The text and sanitized HTML the server last derived from the document's content. */
    @PreAuthorize("isAuthenticated()")
    public DocumentText text(long id) {
        Document document = documents.findById(id).orElseThrow(NotFoundException::new);
        requireMay(CommissionAction.READ, document.getId(), commissionOf(document));
        return new DocumentText(Objects.requireNonNullElse(document.getPlainText(), ""),
                Objects.requireNonNullElse(document.getHtml(), ""), document.getRenderedSeq());
    }

    /**
     * The document as it is now with its open suggestions marked up (for exports showing tracked
     * changes; see {@link YjsEngine#renderMarked}), derived from the stored content on demand.
     * {@link #text} is the current text: suggested insertions left out, suggested deletions in.
     */
    @PreAuthorize("isAuthenticated()")
    public DocumentText markedUp(long id) {
        DocumentListing d = documents.listing(id).orElseThrow(NotFoundException::new);
        requireMay(CommissionAction.READ, d.id(), d.commissionId());
        DocumentLog.Content content = log.content(id);
        YjsEngine.Rendering r = engine.renderMarked(content.updates()).join();
        return new DocumentText(r.text(), r.html(), content.lastSeq());
    }

    /**
     * Where an anchor (two base64 Yjs relative positions, e.g. of a comment) lies in the document's
     * stored content now, checked by yjs itself: invalid when it does not decode, points into
     * another document or into deleted text, or is empty.
     */
    @PreAuthorize("isAuthenticated()")
    public YjsEngine.AnchorRange anchorRange(long id, String from, String to) {
        DocumentListing d = documents.listing(id).orElseThrow(NotFoundException::new);
        requireMay(CommissionAction.READ, d.id(), d.commissionId());
        // the engine keeps the document loaded: only the updates since the last check are sent to it
        Long known;
        synchronized (anchorSeqs) {
            known = anchorSeqs.get(id);
        }
        DocumentLog.Content content = known == null ? log.content(id) : log.since(id, known);
        boolean whole = known == null || content.state() != null;
        Optional<YjsEngine.AnchorRange> range = engine.anchorRangeCached(id, whole ? -1 : known, content.lastSeq(),
                content.updates(), from, to).join();
        if (range.isEmpty()) {
            content = log.content(id);
            range = engine.anchorRangeCached(id, -1, content.lastSeq(), content.updates(), from, to).join();
        }
        synchronized (anchorSeqs) {
            anchorSeqs.put(id, content.lastSeq());
        }
        return range.orElseThrow();
    }

    /** The log position of each document the engine keeps loaded for anchor checks (its own LRU decides). */
    private final Map<Long, Long> anchorSeqs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > 64;
        }
    };

    /** Whether the document's workflow stage lets nobody change it (approved, published, withdrawn). */
    private boolean closed(long documentId) {
        StageEditing editing = stageEditing.getIfAvailable();
        return editing != null && editing.mode(documentId) == StageEditing.Mode.CLOSED;
    }

    private boolean mayDelete(DocumentListing d) {
        if (access.may(CommissionAction.APPROVE_DOCUMENT, d.commissionId())
                || access.may(CommissionAction.PUBLISH_DOCUMENT, d.commissionId())) {
            return true;
        }
        Long me = currentUser.personId().orElse(null);
        return me != null && me.equals(d.createdBy()) && access.may(CommissionAction.EDIT_DRAFT, d.commissionId());
    }

    private void requireMay(CommissionAction action, long documentId, long commissionId) {
        documentAccess.require(action, documentId, commissionId,
                "document.refused." + (action == CommissionAction.READ ? "read" : "edit"));
    }

    /** A commission's document's commission; a template (none) is not found here (ADR 029). */
    private static long commissionOf(Document document) {
        Long commissionId = document.getCommissionId();
        if (commissionId == null) {
            throw new NotFoundException();
        }
        return commissionId;
    }

    private static void validate(DocumentForm form) {
        FormValidation.validate(form);
    }

    private CommissionDetails commissionById(long commissionId) {
        return commissions.activeCommissions().stream().filter(c -> c.id() == commissionId).findFirst()
                .flatMap(c -> commissions.details(c.code()))
                .orElseThrow(NotFoundException::new);
    }

    private Map<Long, String> myCommissionCodes() {
        return commissions.myCommissions().stream()
                .filter(c -> access.may(CommissionAction.READ, c.id()))
                .collect(Collectors.toMap(MyCommission::id, MyCommission::code));
    }

    private List<DocumentRow> rows(Page<DocumentListing> page, Map<Long, String> codes) {
        Set<Long> editors = page.stream().map(DocumentListing::updatedBy).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, PersonSummary> names = editors.isEmpty() ? Map.of() : people.summaries(editors);
        return page.stream().map(d -> new DocumentRow(d.id(), d.title(), d.kind(), d.language(),
                codes.getOrDefault(d.commissionId(), ""), d.updatedAt(), name(names, d.updatedBy()))).toList();
    }

    private static @Nullable String name(Map<Long, PersonSummary> names, @Nullable Long personId) {
        PersonSummary person = personId == null ? null : names.get(personId);
        return person == null ? null : person.displayName();
    }
}
