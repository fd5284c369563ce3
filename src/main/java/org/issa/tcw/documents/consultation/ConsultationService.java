package org.issa.tcw.documents.consultation;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.base.UserText;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.documents.DocumentHeader;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.comments.DocumentComments;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultation rounds of a document: opening one (chair, vice-chair: {@code SUBMIT_DOCUMENT}, which
 * also sends the document to consultation), taking part (participants, by anchored comments and
 * suggestions only, until the deadline), the disposition of every comment and the disposition log.
 */
@Service
@Transactional(readOnly = true)
public class ConsultationService {

    static final int MAX_INTRODUCTION = 10_000;
    static final int MAX_QUESTIONS = 10_000;
    static final int MAX_REASON = 4_000;
    static final int MAX_CHOSEN = 500;

    private final RoundStore store;
    private final ConsultationGrants grants;
    private final RoundStages stages;
    private final DocumentService documents;
    private final DocumentComments comments;
    private final SuggestionService suggestions;
    private final CommissionService commissions;
    private final CommissionAccess access;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DispositionExports exports;
    private final RoundSignals signals;
    private final ConsultationContacts contacts;
    private final ContributionRows contributionRows;

    ConsultationService(RoundStore store, ConsultationGrants grants, RoundStages stages, DocumentService documents,
            DocumentComments comments, SuggestionService suggestions, CommissionService commissions,
            CommissionAccess access, PersonService people, CurrentUser currentUser, ApplicationEventPublisher events,
            Clock clock, DispositionExports exports, RoundSignals signals, ConsultationContacts contacts,
            ContributionRows contributionRows) {
        this.contacts = contacts;
        this.contributionRows = contributionRows;
        this.exports = exports;
        this.signals = signals;
        this.store = store;
        this.grants = grants;
        this.stages = stages;
        this.documents = documents;
        this.comments = comments;
        this.suggestions = suggestions;
        this.commissions = commissions;
        this.access = access;
        this.people = people;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** A commission or an institution the round dialog offers as audience. */
    public record AudienceOption(long id, String label) {
    }

    /**
     * Opens a round on the document and tells its participants. The deadline is a day from today
     * on; the round closes at its end (24:00 UTC).
     *
     * @return the round's id
     * @throws UserFacingException   if the deadline is missing or past, the introduction empty or
     *                               too long, the audience empty (also when it names nobody), or a
     *                               round is open already; nothing is changed
     * @throws AccessDeniedException if the person may not send the document to consultation
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long open(long documentId, RoundForm form) {
        DocumentHeader header = documents.open(documentId);
        long me = requireMay(CommissionAction.SUBMIT_DOCUMENT, header.commissionId());
        Audience audience = form.getAudience();
        require(audience != null, "consultation.audience.empty");
        LocalDate deadline = form.getDeadline();
        require(deadline != null, "consultation.deadline.required");
        require(!deadline.isBefore(today()), "consultation.deadline.past");
        String introduction = UserText.normalize(form.getIntroduction(), false);
        check(introduction, MAX_INTRODUCTION, true, "consultation.introduction");
        String questions = UserText.normalize(form.getQuestions(), false);
        check(questions, MAX_QUESTIONS, false, "consultation.questions");
        Set<Long> chosenCommissions = audience == Audience.COMMISSIONS ? form.getCommissionIds() : Set.of();
        Set<Long> chosenInstitutions = audience == Audience.INSTITUTIONS ? form.getInstitutionIds() : Set.of();
        require(audience != Audience.COMMISSIONS || !chosenCommissions.isEmpty(), "consultation.audience.empty");
        require(audience != Audience.INSTITUTIONS || !chosenInstitutions.isEmpty(), "consultation.audience.empty");
        require(chosenCommissions.size() <= MAX_CHOSEN && chosenInstitutions.size() <= MAX_CHOSEN,
                "consultation.audience.empty");
        require(store.ofDocument(documentId).stream().noneMatch(r -> r.state() == RoundState.OPEN),
                "consultation.round.already-open");
        stages.opening(documentId);
        Instant now = clock.instant();
        long roundId = store.insert(documentId, header.commissionId(), audience,
                deadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), introduction,
                questions.isEmpty() ? null : questions, form.isOthersVisible(), me, now);
        store.audience(roundId, chosenCommissions, chosenInstitutions);
        int added = switch (audience) {
            case COMMISSION -> store.addMembers(roundId, List.of(header.commissionId()));
            case COMMISSIONS -> store.addMembers(roundId, chosenCommissions);
            case ALL_INSTITUTIONS -> store.addContacts(roundId, null);
            case INSTITUTIONS -> store.addContacts(roundId, chosenInstitutions);
        };
        if (added == 0) {
            // the transaction rolls back: nothing of the round is kept
            throw new UserFacingException("consultation.audience.nobody");
        }
        List<Long> participants = store.participants(roundId).stream().map(RoundStore.Participant::personId)
                .filter(p -> p != me).toList();
        events.publishEvent(new ConsultationOpened(roundId, documentId, header.commissionId(), header.title(),
                currentUser.require().displayName(), participants));
        grants.forget(documentId);
        signals.changed(documentId);
        return roundId;
    }

    /**
     * Moves the deadline of the document's latest round later (the chair, vice-chair: as for
     * opening one). A round that closed at its deadline opens again until the new one; input is
     * accepted again and the milestone of the document is no longer at risk.
     *
     * @throws UserFacingException   if the new deadline is missing, past or not after the current
     *                               one, the round is not the document's latest or the document is
     *                               no longer in consultation; nothing is changed
     * @throws AccessDeniedException if the person may not send the document to consultation
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void extend(long roundId, @Nullable LocalDate newDeadline) {
        RoundStore.Round round = store.round(roundId).orElseThrow(NotFoundException::new);
        requireMay(CommissionAction.SUBMIT_DOCUMENT, round.commissionId());
        require(newDeadline != null, "consultation.deadline.required");
        require(!newDeadline.isBefore(today()), "consultation.deadline.past");
        require(newDeadline.isAfter(deadline(round)), "consultation.deadline.not-later");
        require(stages.inConsultation(round.documentId()), "consultation.extend.not-in-consultation");
        Instant closesAt = newDeadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        require(store.extend(roundId, closesAt), "consultation.extend.not-latest");
        events.publishEvent(new ConsultationExtended(roundId, round.documentId(), round.commissionId(), closesAt));
        grants.forget(round.documentId());
        signals.changed(round.documentId());
    }

    /**
     * Whether the signed-in person may open a round on the document (and dispose of its comments).
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public boolean mayOpen(long documentId) {
        return access.may(CommissionAction.SUBMIT_DOCUMENT, documents.open(documentId).commissionId());
    }

    /**
     * The rounds of a document the reader may see: all for readers of its commission, else those
     * they take part in.
     *
     * @throws AccessDeniedException if the person may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public List<RoundView> rounds(long documentId) {
        DocumentHeader header = documents.open(documentId);
        long me = currentUser.require().personId() == null ? -1 : currentUser.require().personId();
        boolean reader = access.may(CommissionAction.READ, header.commissionId());
        List<RoundView> out = new ArrayList<>();
        for (RoundStore.Round r : store.ofDocument(documentId)) {
            ConsultationGrants.Grant g = grants.rounds(documentId).stream().filter(x -> x.roundId() == r.id())
                    .findFirst().orElse(null);
            boolean participant = g != null && g.participants().containsKey(me);
            if (reader || participant) {
                out.add(view(r, header, participant, g == null ? 0 : g.participants().size()));
            }
        }
        return out;
    }

    /**
     * One round.
     *
     * @throws AccessDeniedException if the person may neither read the commission's documents nor takes part
     */
    @PreAuthorize("isAuthenticated()")
    public RoundView round(long roundId) {
        RoundStore.Round r = store.round(roundId).orElseThrow(NotFoundException::new);
        return rounds(r.documentId()).stream().filter(v -> v.id() == roundId).findFirst()
                .orElseThrow(() -> new AccessDeniedException("consultation.refused"));
    }

    /**
     * A participant's comment on the range {@code from}–{@code to} of the document, tagged and in
     * the language they wrote it in (see {@link DocumentComments#comment}).
     *
     * @return the comment's id
     * @throws UserFacingException   if the round has closed or its deadline passed ("late input"),
     *                               the tag or language is missing, or the comment is refused
     * @throws AccessDeniedException if the person does not take part in the round
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long comment(long roundId, String from, String to, String body, @Nullable CommentTag tag,
            @Nullable WorkingLanguage language) {
        RoundStore.Round round = requireOpenParticipant(roundId);
        require(tag != null && language != null, "consultation.tag.required");
        long commentId = comments.comment(round.documentId(), from, to, body);
        store.addContribution(commentId, roundId, tag, language);
        return commentId; // the comment's CommentSignal tells the round's pages (RoundSignals)
    }

    /**
     * A participant's comment on one of the document's suggestions (e.g. their own, to explain it).
     *
     * @see #comment
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long commentOnSuggestion(long roundId, String suggestionId, String body, @Nullable CommentTag tag,
            @Nullable WorkingLanguage language) {
        RoundStore.Round round = requireOpenParticipant(roundId);
        require(tag != null && language != null, "consultation.tag.required");
        long commentId = comments.commentOnSuggestion(round.documentId(), suggestionId, body);
        if (store.contributions(roundId).get(commentId) == null) {
            store.addContribution(commentId, roundId, tag, language);
        }
        return commentId;
    }

    /**
     * The disposition log of a round: every comment its participants made on the document while it
     * was open (tagged or made in the comment panel), oldest first. The chair, vice-chairs, the
     * secretariat and the commission's readers see all; a participant sees their own institution's
     * unless the round shows everyone's.
     *
     * @throws AccessDeniedException if the person may not see the round
     */
    @PreAuthorize("isAuthenticated()")
    public List<ContributionRow> log(long roundId) {
        RoundStore.Round round = store.round(roundId).orElseThrow(NotFoundException::new);
        round(roundId); // the check
        return contributionRows.of(round);
    }

    /** The counts of a round's contributions, per institution, region and tag (of what the reader may see). */
    @PreAuthorize("isAuthenticated()")
    public RoundSummary summary(long roundId) {
        return ContributionRows.summarize(log(roundId));
    }

    /**
     * Disposes of a comment of the round: accepted, accepted in part, rejected (with a reason) or
     * noted. When the comment is on a suggestion that is still in the document, "accepted" accepts
     * it and "rejected" rejects it in the same move. A disposition can be changed.
     *
     * @throws UserFacingException   if the disposition is missing, a rejection has no reason, the
     *                               reason is too long, or the comment is not one of the round's
     * @throws AccessDeniedException if the person may not review the document
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void dispose(long roundId, long commentId, @Nullable Disposition disposition, @Nullable String reason) {
        RoundStore.Round round = store.round(roundId).orElseThrow(NotFoundException::new);
        long me = requireManage(round.commissionId());
        require(disposition != null, "consultation.disposition.required");
        String why = UserText.normalize(reason, false);
        require(disposition != Disposition.REJECTED || !why.isEmpty(), "consultation.reason.required");
        check(why, MAX_REASON, false, "consultation.reason");
        ContributionRow row = contributionRows.of(round).stream().filter(c -> c.commentId() == commentId).findFirst()
                .orElseThrow(() -> new UserFacingException("consultation.comment.unknown"));
        DocumentHeader header = documents.open(round.documentId());
        store.dispose(commentId, roundId, header.language(), disposition, why.isEmpty() ? null : why, me,
                clock.instant());
        String suggestion = row.suggestionId();
        if (suggestion != null && (disposition == Disposition.ACCEPTED || disposition == Disposition.REJECTED)
                && suggestions.list(round.documentId()).stream().anyMatch(s -> s.id().equals(suggestion))) {
            suggestions.review(round.documentId(), disposition == Disposition.ACCEPTED, List.of(suggestion), null);
        }
        signals.changed(round.documentId());
    }

    /**
     * The disposition log as a file in the reader's language.
     *
     * @throws AccessDeniedException if the person may not see the round
     */
    @PreAuthorize("isAuthenticated()")
    public DispositionLogFile export(long roundId, boolean pdf, Locale locale) {
        RoundView round = round(roundId);
        List<ContributionRow> rows = log(roundId);
        return pdf ? exports.pdf(round, rows, ContributionRows.summarize(rows), locale)
                : exports.xlsx(round, rows, ContributionRows.summarize(rows), locale);
    }

    /**
     * The open rounds I or my institution were invited to and that nobody of my institution has
     * answered yet, soonest deadline first, at most {@code limit}; only my own.
     */
    @PreAuthorize("isAuthenticated()")
    public List<AwaitingRound> awaitingMyInput(int limit) {
        Long me = currentUser.require().personId();
        return me == null ? List.of() : store.awaiting(me, limit);
    }

    /** The commissions a round can be sent to (the public directory). */
    @PreAuthorize("isAuthenticated()")
    public List<AudienceOption> commissionOptions() {
        return commissions.activeCommissions().stream()
                .map(c -> new AudienceOption(c.id(), c.code() + " · " + c.name())).toList();
    }

    /** The member institutions a round can be sent to (names only: the public directory). */
    @PreAuthorize("isAuthenticated()")
    public List<AudienceOption> institutionOptions() {
        return store.institutions().stream().map(i -> new AudienceOption(i.id(), i.label())).toList();
    }

    /**
     * Makes a person a contact person of an institution for consultations (the secretariat; see
     * {@link ConsultationContacts#add}, which also checks the input).
     *
     * @throws AccessDeniedException for anyone else
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void addContact(long institutionId, long personId) {
        contacts.add(institutionId, personId);
    }

    // ---------- inside ----------

    private RoundStore.Round requireOpenParticipant(long roundId) {
        RoundStore.Round round = store.round(roundId).orElseThrow(NotFoundException::new);
        long me = currentUser.personId().orElseThrow(() -> new AccessDeniedException("consultation.refused"));
        if (store.participants(roundId).stream().noneMatch(p -> p.personId() == me)) {
            throw new AccessDeniedException("consultation.refused");
        }
        if (round.state() != RoundState.OPEN || !clock.instant().isBefore(round.closesAt())) {
            throw new UserFacingException("consultation.closed", deadline(round).toString());
        }
        return round;
    }

    private long requireManage(long commissionId) {
        return requireMay(CommissionAction.REVIEW_DRAFT, commissionId);
    }

    private long requireMay(CommissionAction action, long commissionId) {
        Long me = currentUser.personId().orElse(null);
        if (me == null || !access.may(action, commissionId)) {
            throw new AccessDeniedException("consultation.refused");
        }
        return me;
    }

    private RoundView view(RoundStore.Round r, DocumentHeader header, boolean participant, int participantCount) {
        String openedBy = r.openedBy() == null ? null
                : people.summaries(List.of(r.openedBy())).values().stream().map(PersonSummary::displayName)
                        .findFirst().orElse(null);
        boolean open = r.state() == RoundState.OPEN && clock.instant().isBefore(r.closesAt());
        return new RoundView(r.id(), r.documentId(), header.title(), r.commissionId(), r.state(), r.audience(),
                deadline(r), r.closesAt(), r.introduction(), r.questions() == null ? "" : r.questions(),
                r.othersVisible(), r.openedAt(), openedBy, r.closedAt(), participantCount, participant,
                access.may(CommissionAction.REVIEW_DRAFT, r.commissionId()), open && participant);
    }

    private static LocalDate deadline(RoundStore.Round r) {
        return r.closesAt().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    private LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static void check(String normalized, int max, boolean required, String field) {
        UserText.check(normalized, max, required, field).ifPresent(v -> {
            throw v.toException();
        });
    }
}
