package org.issa.tcw.documents.suggestions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.SuggestionReadings;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Lists a document's suggestions and accepts, rejects or withdraws them. Every change is computed
 * by the real yjs in GraalJS on the document's current content, under its lock, and stored as the
 * next update of its log, which every open editor receives like any other (docs/adr/025).
 * Reviewers ({@link CommissionAction#REVIEW_DRAFT}: chair, vice-chair, secretariat) accept or
 * reject anyone's suggestions; an author withdraws their own.
 */
@Service
public class SuggestionService {

    /** A suggestion id: "&lt;person id&gt;:&lt;epoch millis, base 36&gt;:&lt;random&gt;" (frontend/tcw-suggestions.ts). */
    private static final Pattern ID = Pattern.compile("^(\\d{1,18}):([0-9a-z]{1,12}):[0-9A-Za-z_-]{1,40}$");
    static final int MAX_IDS = 1000;

    private final DocumentCollaboration collaboration;
    private final YjsEngine engine;
    private final SuggestionReadings readings;
    private final PersonService people;
    private final CurrentUser currentUser;

    SuggestionService(DocumentCollaboration collaboration, YjsEngine engine, SuggestionReadings readings,
            PersonService people, CurrentUser currentUser) {
        this.collaboration = collaboration;
        this.engine = engine;
        this.readings = readings;
        this.people = people;
        this.currentUser = currentUser;
    }

    /**
     * The document's suggestions in document order, as {@link SuggestionReadings} reads them (once
     * per state of the document, shared by its readers); names and "mine" per reader.
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public List<SuggestionView> list(long documentId) {
        List<SuggestionReadings.Suggestion> raw = readings.read(documentId).suggestions();
        Set<Long> authors = new HashSet<>();
        raw.forEach(s -> {
            if (s.authorId() != null) {
                authors.add(s.authorId());
            }
        });
        Map<Long, PersonSummary> names = people.summaries(authors);
        Long me = currentUser.require().personId();
        List<SuggestionView> out = new ArrayList<>(raw.size());
        for (SuggestionReadings.Suggestion s : raw) {
            PersonSummary who = s.authorId() == null ? null : names.get(s.authorId());
            out.add(new SuggestionView(s.id(), who == null ? null : who.id(), who == null ? null : who.displayName(),
                    madeAt(s.id()), s.kinds(), s.text(), me != null && Objects.equals(me, s.authorId())));
        }
        return out;
    }

    /** How many times the suggestions were computed by the engine (tests; not final: called through the proxy). */
    long engineReads() {
        return readings.computed();
    }

    /**
     * Names of the given authors (person ids), for the editor's "suggested by" titles; only for
     * those who may read the document.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> authorNames(long documentId, Set<Long> personIds) {
        if (!collaboration.may(documentId, CommissionAction.READ)) {
            throw new AccessDeniedException("document.refused.read");
        }
        check(personIds.size() <= MAX_IDS);
        Map<Long, String> names = new java.util.HashMap<>();
        people.summaries(personIds).forEach((id, p) -> names.put(id, p.displayName()));
        return names;
    }

    /**
     * Accepts ({@code accept}) or rejects suggestions: those with the given ids, else all of
     * {@code authorId}, else all of the document.
     *
     * @return whether anything changed
     * @throws UserFacingException if the person may not review this document's suggestions, or the ids are invalid
     */
    @PreAuthorize("isAuthenticated()")
    public boolean review(long documentId, boolean accept, @Nullable List<String> ids, @Nullable Long authorId) {
        validate(ids);
        return change(documentId, CommissionAction.REVIEW_DRAFT, accept, ids, authorId, "suggestions.refused.review");
    }

    /**
     * The author takes back their own suggestions (as if rejected). Only the caller's own
     * suggestions are ever touched: the change is restricted to them on the server.
     *
     * @throws UserFacingException if one of the ids is someone else's suggestion
     */
    @PreAuthorize("isAuthenticated()")
    public boolean withdraw(long documentId, List<String> ids) {
        validate(ids);
        Long me = currentUser.require().personId();
        if (me == null || ids.isEmpty() || ids.stream().anyMatch(id -> !me.equals(authorOf(id)))) {
            throw new UserFacingException("suggestions.refused.withdraw");
        }
        return change(documentId, CommissionAction.READ, false, ids, me, "suggestions.refused.withdraw");
    }

    /** The change made by the engine on the current content, stored and relayed; a refusal as {@code refusalKey}. */
    private boolean change(long documentId, CommissionAction action, boolean accept, @Nullable List<String> ids,
            @Nullable Long authorId, String refusalKey) {
        try {
            return collaboration.change(documentId, action, log -> engine.review(log, accept, ids, authorId).join()) > 0;
        } catch (AccessDeniedException e) {
            throw new UserFacingException(refusalKey);
        }
    }

    /** Whether the signed-in person may accept and reject suggestions in this document. */
    @PreAuthorize("isAuthenticated()")
    public boolean mayReview(long documentId) {
        return collaboration.may(documentId, CommissionAction.REVIEW_DRAFT);
    }

    private static void validate(@Nullable List<String> ids) {
        if (ids == null) {
            return;
        }
        check(ids.size() <= MAX_IDS);
        for (String id : ids) {
            check(id != null && ID.matcher(id).matches());
        }
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new UserFacingException("suggestions.invalid");
        }
    }

    /** The author (person id) a suggestion id names, or null. */
    static @Nullable Long authorOf(String id) {
        Matcher m = ID.matcher(id);
        return m.matches() ? Long.parseLong(m.group(1)) : null;
    }

    /** When a suggestion was made, from its id (epoch millis), or 0. */
    static long madeAt(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return 0;
        }
        try {
            return Long.parseLong(m.group(2), 36);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
