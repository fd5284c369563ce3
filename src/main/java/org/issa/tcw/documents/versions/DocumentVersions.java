package org.issa.tcw.documents.versions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentDeletions;
import org.issa.tcw.documents.PresenceColors;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.exchange.DocumentExports;
import org.issa.tcw.documents.versions.domain.DocumentVersion;
import org.issa.tcw.documents.versions.domain.DocumentVersionRepository;
import org.issa.tcw.documents.versions.domain.VersionRow;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Versions of documents (docs/adr/026). A version is the whole Yjs state of the document at that
 * moment, stored in its own table and never changed. Reading, listing and comparing need
 * {@link CommissionAction#READ} on the document's commission; naming a version
 * {@link CommissionAction#EDIT_DRAFT}; restoring one {@link CommissionAction#RESTORE_VERSION}.
 * A restore is a change through the collaboration relay like any other (computed under the
 * document's lock, stored as the next update, delivered live), and the state before it is kept as
 * a version, so a restore can be undone by restoring that one.
 * <p>
 * Not transactional across the engine's work: the states are computed by yjs in GraalJS outside any
 * transaction, and each store is its own.
 */
@Service
public class DocumentVersions {

    /** The longest name of a version. */
    public static final int NAME_MAX = 200;

    private static final Logger logger = LoggerFactory.getLogger(DocumentVersions.class);

    private final DocumentCollaboration collaboration;
    private final YjsEngine engine;
    private final DocumentVersionRepository versions;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final VersionSignals signals;
    private final DocumentDeletions deletions;

    DocumentVersions(DocumentCollaboration collaboration, YjsEngine engine, DocumentVersionRepository versions,
            PersonService people, CurrentUser currentUser, Clock clock, VersionSignals signals,
            DocumentDeletions deletions) {
        this.signals = signals;
        this.deletions = deletions;
        this.collaboration = collaboration;
        this.engine = engine;
        this.versions = versions;
        this.people = people;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The document's versions, newest first, with the names of who kept them.
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public List<VersionView> list(long documentId) {
        requireRead(documentId);
        List<VersionRow> rows = versions.rows(documentId);
        Set<Long> authors = new HashSet<>();
        rows.forEach(r -> {
            if (r.createdBy() != null) {
                authors.add(r.createdBy());
            }
        });
        Map<Long, PersonSummary> names = people.summaries(authors);
        List<VersionView> out = new ArrayList<>(rows.size());
        for (VersionRow r : rows) {
            PersonSummary who = r.createdBy() == null ? null : names.get(r.createdBy());
            out.add(new VersionView(r.id(), r.kind(), r.name(), who == null ? null : who.displayName(), r.createdAt(),
                    r.wordsAdded(), r.wordsRemoved()));
        }
        return out;
    }

    /**
     * Keeps the document's current content as a version with the given name.
     *
     * @return the new version's id
     * @throws UserFacingException if the person may not edit the document or the name is not valid
     */
    @PreAuthorize("isAuthenticated()")
    public long name(long documentId, @Nullable String name) {
        String checked = Checks.requireName(name, NAME_MAX, "versions.name");
        if (!collaboration.may(documentId, CommissionAction.EDIT_DRAFT)) {
            throw new UserFacingException("versions.refused.name");
        }
        return store(documentId, VersionKind.NAMED, checked, currentUser.require().personId());
    }

    /**
     * Keeps the document's current content as a version, for another feature (a workflow step,
     * an import), with {@code reason} as its name. Nobody needs to be signed in; the version is
     * attributed to the signed-in person if there is one. Keeping a copy reveals nothing to the
     * caller: only the new version's id is returned.
     *
     * @throws NotFoundException if there is no such document
     */
    @PreAuthorize("permitAll()")
    public long keep(long documentId, String reason) {
        String checked = Checks.requireName(reason, NAME_MAX, "versions.name");
        return store(documentId, VersionKind.KEPT, checked, currentUser.personId().orElse(null));
    }

    /**
     * Keeps today's automatic version of every document changed since its newest version, if that
     * is older than today (UTC): at least one version per day a document changed (docs/adr/026).
     * Run by the scheduler; nobody needs to be signed in.
     *
     * @return how many versions were kept
     */
    @PreAuthorize("permitAll()")
    public int keepDaily() {
        var dayStart = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        int kept = 0;
        for (long documentId : versions.changedSinceNewestVersionBefore(dayStart)) {
            try {
                store(documentId, VersionKind.DAILY, null, null);
                kept++;
            } catch (RuntimeException e) {
                logger.warn("Document {}: the daily version could not be kept", documentId, e);
            }
        }
        return kept;
    }

    /**
     * Compares two versions, or a version with the current content ({@code afterId} null): both
     * states for the visual diff and the text summary. Reads only; the live document is untouched.
     *
     * @throws AccessDeniedException if the person may not read the document
     * @throws NotFoundException     if a version does not belong to the document
     */
    @PreAuthorize("isAuthenticated()")
    public VersionComparison compare(long documentId, long beforeId, @Nullable Long afterId) {
        DiffStates states = states(documentId, beforeId, afterId);
        VersionSummary summary = summary(documentId, beforeId, afterId);
        byte[] after = states.afterIsV2() ? states.after().getFirst()
                : engine.versionState(states.after()).join().state();
        return new VersionComparison(states.before(), after, summary.wordsAdded(), summary.wordsRemoved(),
                summary.sections());
    }

    /**
     * What the visual diff needs, without any work of the engine: the older version's state (V2),
     * and the newer one's (one V2 state), or for "now" ({@code afterId} null) the document's log
     * (V1 updates: its compacted state and the updates after it), which the browser merges.
     *
     * @throws AccessDeniedException if the person may not read the document
     * @throws NotFoundException     if a version does not belong to the document
     */
    @PreAuthorize("isAuthenticated()")
    public DiffStates states(long documentId, long beforeId, @Nullable Long afterId) {
        requireRead(documentId);
        DocumentVersion[] pair = ordered(documentId, beforeId, afterId);
        // deletions first: reading them also records the authors of clients still in the log
        List<DocumentDeletions.Run> deleted = deletions.deletions(documentId);
        List<DiffStates.Author> authors = authors(documentId, deleted);
        if (afterId == null) {
            return new DiffStates(pair[0].getState(), collaboration.read(documentId, log -> log), false, authors,
                    deleted);
        }
        return new DiffStates(pair[0].getState(), List.of(pair[1].getState()), true, authors, deleted);
    }

    /**
     * The people whose Yjs clients wrote in the document (two queries) or who deleted in it, in the
     * order of their names, each with a colour of the caret palette (the same person, the same colour, in every
     * comparison of the document as long as nobody new wrote in it).
     */
    private List<DiffStates.Author> authors(long documentId, List<DocumentDeletions.Run> deleted) {
        Map<Long, Long> clients = collaboration.clientAuthors(documentId);
        Map<Long, List<Long>> byPerson = new java.util.TreeMap<>();
        clients.forEach((client, person) -> byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(client));
        // and those who only deleted
        for (DocumentDeletions.Run run : deleted) {
            if (run.personId() != null) {
                byPerson.computeIfAbsent(run.personId(), k -> new ArrayList<>());
            }
        }
        if (byPerson.isEmpty()) {
            return List.of();
        }
        Map<Long, PersonSummary> names = people.summaries(byPerson.keySet());
        List<String> palette = PresenceColors.ALL;
        List<DiffStates.Author> out = new ArrayList<>();
        int i = 0;
        for (var e : byPerson.entrySet()) {
            PersonSummary who = names.get(e.getKey());
            out.add(new DiffStates.Author(e.getKey(), who == null ? "?" : who.displayName(),
                    palette.get(i++ % palette.size()), List.copyOf(e.getValue())));
        }
        out.sort(java.util.Comparator.comparing(DiffStates.Author::name));
        return List.copyOf(out);
    }

    /**
     * The text summary of a comparison (words added and removed, sections changed), computed with
     * java-diff-utils over the outline texts; for "now" the current outline is computed by the engine.
     *
     * @throws AccessDeniedException if the person may not read the document
     * @throws NotFoundException     if a version does not belong to the document
     */
    @PreAuthorize("isAuthenticated()")
    public VersionSummary summary(long documentId, long beforeId, @Nullable Long afterId) {
        requireRead(documentId);
        DocumentVersion[] pair = ordered(documentId, beforeId, afterId);
        String afterOutline = afterId == null
                ? collaboration.read(documentId, log -> engine.versionState(log).join()).outline()
                : pair[1].getOutline();
        TextDiff.Words words = TextDiff.words(pair[0].getOutline(), afterOutline);
        return new VersionSummary(words.added(), words.removed(), TextDiff.sections(pair[0].getOutline(), afterOutline));
    }

    /** The two versions, older first (what was added is shown as added); the second is the first for "now". */
    private DocumentVersion[] ordered(long documentId, long beforeId, @Nullable Long afterId) {
        DocumentVersion before = version(documentId, beforeId);
        if (afterId == null) {
            return new DocumentVersion[] {before, before};
        }
        DocumentVersion after = version(documentId, afterId);
        return after.getId() < before.getId() ? new DocumentVersion[] {after, before}
                : new DocumentVersion[] {before, after};
    }

    /**
     * Restores a version: the document becomes its content as a new change through the relay
     * (delivered live to every open editor; what they type meanwhile is kept where the version has
     * the same text), and the state before is kept as a version.
     *
     * @return whether anything changed (false: the document already had the version's content)
     * @throws UserFacingException if the person may not restore versions of this document
     * @throws NotFoundException   if the version does not belong to the document
     */
    @PreAuthorize("isAuthenticated()")
    public boolean restore(long documentId, long versionId) {
        if (!collaboration.may(documentId, CommissionAction.RESTORE_VERSION)) {
            throw new UserFacingException("versions.refused.restore");
        }
        DocumentVersion version = version(documentId, versionId);
        byte[] target = version.getState();
        YjsEngine.VersionState[] before = new YjsEngine.VersionState[1];
        long seq;
        try {
            seq = collaboration.change(documentId, CommissionAction.RESTORE_VERSION, log -> {
                byte[] update = engine.restore(log, target).join();
                if (update.length > 0) {
                    before[0] = engine.versionState(log).join();
                }
                return update;
            });
        } catch (AccessDeniedException e) {
            throw new UserFacingException("versions.refused.restore");
        }
        YjsEngine.VersionState was = before[0];
        if (seq < 0 || was == null) {
            return false;
        }
        save(documentId, VersionKind.BEFORE_RESTORE, version.getName() == null ? label(version) : version.getName(),
                seq - 1, currentUser.require().personId(), was);
        return true;
    }

    /** Whether the signed-in person may name versions of the document. */
    @PreAuthorize("isAuthenticated()")
    public boolean mayName(long documentId) {
        return collaboration.may(documentId, CommissionAction.EDIT_DRAFT);
    }

    /** Whether the signed-in person may restore versions of the document. */
    @PreAuthorize("isAuthenticated()")
    public boolean mayRestore(long documentId) {
        return collaboration.may(documentId, CommissionAction.RESTORE_VERSION);
    }

    /**
     * A version as the Word and PDF exporters take it: its content (as a V1 update), its name (null
     * for an automatic version: the caller names it in the reader's language) and when it was kept.
     *
     * @throws AccessDeniedException if the person may not read the document
     * @throws NotFoundException     if the version is not one of the document's
     */
    @PreAuthorize("isAuthenticated()")
    public DocumentExports.Version forExport(long documentId, long versionId) {
        requireRead(documentId);
        DocumentVersion v = version(documentId, versionId);
        return new DocumentExports.Version(engine.versionUpdate(v.getState()).join(), v.getName(), v.getCreatedAt());
    }

    /** The size of a version's stored state in bytes (benchmarks, operations). */
    @PreAuthorize("isAuthenticated()")
    public long storedBytes(long documentId, long versionId) {
        requireRead(documentId);
        return versions.stateBytes(version(documentId, versionId).getId());
    }

    private long store(long documentId, VersionKind kind, @Nullable String name, @Nullable Long personId) {
        record Read(YjsEngine.VersionState state, long seq) {
        }
        Read read = collaboration.readForJob(documentId,
                (log, seq) -> new Read(engine.versionState(log).join(), seq));
        return save(documentId, kind, name, read.seq(), personId, read.state());
    }

    private long save(long documentId, VersionKind kind, @Nullable String name, long seq, @Nullable Long personId,
            YjsEngine.VersionState state) {
        String previous = versions.findFirstByDocumentIdOrderByIdDesc(documentId).map(DocumentVersion::getOutline)
                .orElse("");
        TextDiff.Words words = TextDiff.words(previous, state.outline());
        long id = versions.save(new DocumentVersion(documentId, kind, name, seq, personId, clock.instant(),
                state.state(), state.outline(), words.added(), words.removed())).getId();
        signals.kept(documentId);
        return id;
    }

    /** "#id": how a version without a name is named in another one's name. */
    private static String label(DocumentVersion version) {
        return "#" + version.getId();
    }

    private DocumentVersion version(long documentId, long versionId) {
        return versions.findById(versionId).filter(v -> v.getDocumentId() == documentId)
                .orElseThrow(NotFoundException::new);
    }

    private void requireRead(long documentId) {
        if (!collaboration.may(documentId, CommissionAction.READ)) {
            throw new AccessDeniedException("document.refused.read");
        }
    }
}
