package org.issa.tcw.documents.comments;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.MentionCandidate;
import org.issa.tcw.discussion.MentionedText;
import org.issa.tcw.documents.DocumentAccess;
import org.issa.tcw.documents.DocumentHeader;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.documents.comments.domain.DocumentComment;
import org.issa.tcw.documents.comments.domain.DocumentCommentRepository;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.documents.suggestions.SuggestionView;
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
 * Comments on a document (permission table: {@code READ} to see them, {@code COMMENT_DRAFT} to
 * write, {@code REVIEW_DRAFT} to resolve or reopen anyone's; authors resolve and reopen their own).
 * Bodies are Markdown rendered, sanitised and mention-checked by the discussion feature exactly as
 * posts are; anchors are checked by yjs on the server against the document's stored content.
 */
@Service
@Transactional(readOnly = true)
public class DocumentComments {

    /** Longest comment or reply, in characters. */
    public static final int MAX_BODY = 20_000;
    /** Longest encoded relative position (a real one is a few dozen bytes). */
    static final int MAX_ANCHOR = 1_000;
    /** How much of the commented text is kept. */
    static final int MAX_QUOTE = 1_000;
    /** Longest suggestion id (a real one is "person:time:random", a few dozen characters). */
    static final int MAX_SUGGESTION_ID = 100;

    private final DocumentCommentRepository comments;
    private final DocumentService documents;
    private final DiscussionService discussions;
    private final CommissionAccess access;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SuggestionService suggestions;
    private final DocumentAccess documentAccess;

    DocumentComments(DocumentCommentRepository comments, DocumentService documents, DiscussionService discussions,
            CommissionAccess access, PersonService people, CurrentUser currentUser, ApplicationEventPublisher events,
            Clock clock, SuggestionService suggestions, DocumentAccess documentAccess) {
        this.documentAccess = documentAccess;
        this.comments = comments;
        this.documents = documents;
        this.discussions = discussions;
        this.access = access;
        this.people = people;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.suggestions = suggestions;
    }

    /**
     * Every comment thread of a document with its replies (three queries, whatever their number).
     *
     * @throws AccessDeniedException if the reader may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public DocumentCommentList list(long documentId) {
        DocumentHeader header = documents.open(documentId);
        long commissionId = header.commissionId();
        boolean review = access.may(CommissionAction.REVIEW_DRAFT, commissionId);
        boolean comment = documentAccess.may(CommissionAction.COMMENT_DRAFT, documentId, commissionId);
        List<CommentView> threads = new ArrayList<>();
        threads(documentId, commissionId, review, comment, false, (root, view) -> threads.add(view));
        return new DocumentCommentList(documentId, commissionId, comment, review, List.copyOf(threads));
    }

    /**
     * The comment threads on the document's suggestions, those of suggestions accepted, rejected or
     * withdrawn since included (three queries, whatever their number).
     *
     * @throws AccessDeniedException if the reader may not read the document
     */
    @PreAuthorize("isAuthenticated()")
    public SuggestionThreadList suggestionThreads(long documentId) {
        DocumentHeader header = documents.open(documentId);
        long commissionId = header.commissionId();
        boolean review = access.may(CommissionAction.REVIEW_DRAFT, commissionId);
        boolean comment = documentAccess.may(CommissionAction.COMMENT_DRAFT, documentId, commissionId);
        Map<String, CommentView> threads = new LinkedHashMap<>();
        threads(documentId, commissionId, review, comment, true, (root, view) -> threads.put(nonNull(root.getSuggestionId()), view));
        return new SuggestionThreadList(documentId, commissionId, comment, Collections.unmodifiableMap(threads));
    }

    /**
     * The threads of a document, either those on text ranges or those on suggestions, with their
     * replies; only those of the authors a grant limits the reader to (e.g. a consultation
     * participant's own institution), if it does.
     */
    private void threads(long documentId, long commissionId, boolean review, boolean comment, boolean onSuggestions,
            BiConsumer<DocumentComment, CommentView> out) {
        Long me = currentUser.personId().orElse(null);
        Set<Long> visible = documentAccess.visibleAuthors(documentId, commissionId);
        List<DocumentComment> all = comments.findByDocumentIdOrderByIdAsc(documentId);
        Set<Long> roots = new HashSet<>();
        Set<Long> persons = new HashSet<>();
        for (DocumentComment c : all) {
            if (c.getParentId() == null && (c.getSuggestionId() != null) == onSuggestions
                    && (visible == null || visible.contains(c.getAuthorId()))) {
                roots.add(c.getId());
            }
        }
        for (DocumentComment c : all) {
            if (roots.contains(c.getParentId() == null ? c.getId() : c.getParentId())) {
                persons.add(c.getAuthorId());
                if (c.getResolvedBy() != null) {
                    persons.add(c.getResolvedBy());
                }
            }
        }
        Map<Long, PersonSummary> names = persons.isEmpty() ? Map.of() : people.summaries(persons);
        Map<Long, List<CommentView.Reply>> replies = new LinkedHashMap<>();
        for (DocumentComment c : all) {
            if (c.getParentId() != null && roots.contains(c.getParentId())) {
                replies.computeIfAbsent(c.getParentId(), k -> new ArrayList<>()).add(new CommentView.Reply(c.getId(),
                        shownAuthor(names, c), shownDate(c), c.getHtml(), c.getWordAuthor() != null));
            }
        }
        for (DocumentComment c : all) {
            if (c.getParentId() == null && roots.contains(c.getId())) {
                boolean mayResolve = review || (comment && me != null && me == c.getAuthorId());
                out.accept(c, new CommentView(c.getId(), c.getAuthorId(), shownAuthor(names, c),
                        shownDate(c), c.getHtml(), nonNull(c.getAnchorFrom()), nonNull(c.getAnchorTo()),
                        nonNull(c.getQuote()), c.getResolvedBy() == null ? null : name(names, c.getResolvedBy()),
                        c.getResolvedAt(), mayResolve, List.copyOf(replies.getOrDefault(c.getId(), List.of())),
                        c.getWordAuthor() != null));
            }
        }
    }

    /**
     * Comments on a suggestion of the document (its id, as the review list shows it): starts the
     * suggestion's thread, or replies in it when it has one. Same rights, Markdown, mentions and
     * notifications as a comment on text; the suggestion must be in the document now.
     *
     * @return the new comment's id
     * @throws UserFacingException   if the body is empty or too long, mentions someone outside the
     *                               commission, or the document has no such suggestion
     * @throws AccessDeniedException if the reader may not comment on the document
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long commentOnSuggestion(long documentId, String suggestionId, String body) {
        DocumentHeader header = documents.open(documentId);
        long me = requireMay(CommissionAction.COMMENT_DRAFT, header);
        String text = checkBody(body);
        require(suggestionId != null && !suggestionId.isBlank() && suggestionId.length() <= MAX_SUGGESTION_ID,
                "comments.suggestion.invalid");
        for (DocumentComment c : comments.findByDocumentIdOrderByIdAsc(documentId)) {
            if (c.getParentId() == null && suggestionId.equals(c.getSuggestionId())) {
                return reply(c.getId(), text);
            }
        }
        SuggestionView suggestion = suggestions.list(documentId).stream().filter(s -> s.id().equals(suggestionId))
                .findFirst().orElseThrow(() -> new UserFacingException("comments.suggestion.invalid"));
        MentionedText rendered = render(header.commissionId(), text);
        String quote = suggestion.text().strip().isEmpty() ? "…" : suggestion.text().strip();
        quote = quote.length() <= MAX_QUOTE ? quote : quote.substring(0, MAX_QUOTE - 1) + "…";
        DocumentComment saved = comments.saveAndFlush(DocumentComment.onSuggestion(documentId, me, text,
                rendered.html(), suggestionId, quote, clock.instant()));
        published(header, saved, me, rendered.mentioned());
        return saved.getId();
    }

    /**
     * Comments on the range {@code from}–{@code to} (base64 Yjs relative positions made by the
     * editor) of a document.
     *
     * @return the new comment's id
     * @throws UserFacingException   if the body is empty or too long, mentions someone outside the
     *                               commission, or the anchor is not a range of this document's text
     * @throws AccessDeniedException if the reader may not comment on the document
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long comment(long documentId, String from, String to, String body) {
        DocumentHeader header = documents.open(documentId);
        long me = requireMay(CommissionAction.COMMENT_DRAFT, header);
        String text = checkBody(body);
        require(from != null && to != null && !from.isBlank() && !to.isBlank() && from.length() <= MAX_ANCHOR
                && to.length() <= MAX_ANCHOR, "comments.anchor.invalid");
        MentionedText rendered = render(header.commissionId(), text);
        YjsEngine.AnchorRange range = documents.anchorRange(documentId, from, to);
        require(range.valid() && !range.text().isBlank(), "comments.anchor.invalid");
        String quote = range.text().length() <= MAX_QUOTE ? range.text()
                : range.text().substring(0, MAX_QUOTE - 1) + "…";
        DocumentComment saved = comments.saveAndFlush(DocumentComment.anchored(documentId, me, text,
                rendered.html(), from, to, quote, clock.instant()));
        published(header, saved, me, rendered.mentioned());
        return saved.getId();
    }

    /**
     * Moves a comment thread's anchor to {@code from}–{@code to} (base64 Yjs relative positions),
     * when its text was moved rather than removed: y-tiptap joins two paragraphs (Backspace at the
     * start of one) by deleting the second and inserting its text into the first, so the relative
     * positions of a range in the second no longer resolve although its text is still there. The
     * editor finds the quoted text near where the range was (across blocks too) and asks for it here.
     * Accepted only when the stored anchor no longer resolves to any text in the current document, or
     * lost its first or last character and no longer reads as the quote (a split paragraph), and the
     * new range's text, as the server reads it, is the stored quote, block boundaries aside
     * ({@link #isQuote}); anyone who may comment on the document may ask (every reader's editor
     * notices the same detachment).
     *
     * @throws UserFacingException   if the comment is still anchored, is on a suggestion, or the new
     *                               range is not a range of this document or not the quoted text
     * @throws AccessDeniedException if the reader may not comment on the document
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void reanchor(long commentId, String from, String to) {
        DocumentComment root = root(commentId);
        DocumentHeader header = documents.open(root.getDocumentId());
        requireMay(CommissionAction.COMMENT_DRAFT, header);
        require(from != null && to != null && !from.isBlank() && !to.isBlank() && from.length() <= MAX_ANCHOR
                && to.length() <= MAX_ANCHOR, "comments.anchor.invalid");
        String oldFrom = root.getAnchorFrom();
        String oldTo = root.getAnchorTo();
        String quote = root.getQuote();
        require(oldFrom != null && oldTo != null && quote != null, "comments.anchor.invalid");
        YjsEngine.AnchorRange old = documents.anchorRange(header.id(), oldFrom, oldTo);
        // moved only when its text came apart: the anchor reads no text, or it lost its first or last
        // character and no longer reads as its quote (a paragraph split inside it)
        require(!old.valid() || old.text().isBlank() || (old.broken() && !isQuote(old.text(), quote)),
                "comments.reanchor.anchored");
        YjsEngine.AnchorRange range = documents.anchorRange(header.id(), from, to);
        require(range.valid() && isQuote(range.text(), quote), "comments.reanchor.text");
        // guarded: another editor that noticed the same detachment may have moved it meanwhile
        require(comments.reanchor(root.getId(), oldFrom, oldTo, from, to) == 1, "comments.reanchor.anchored");
        events.publishEvent(new CommentSignal(header.id(), root.getId()));
    }

    /**
     * Whether {@code text} is the stored {@code quote} (which is cut with "…" after MAX_QUOTE
     * characters), block boundaries aside: the server reads a range across blocks with a "\n"
     * between them, and joining two paragraphs (or splitting one, or turning them into list items)
     * changes only those, so both are compared without them ({@link #quoteKey}). Every other
     * character must be the same, in the same order.
     */
    static boolean isQuote(String text, String quote) {
        String key = quoteKey(text);
        if (key.equals(quoteKey(quote))) {
            return true;
        }
        if (!quote.endsWith("…") || quote.length() != MAX_QUOTE) {
            return false;
        }
        String start = quoteKey(quote.substring(0, quote.length() - 1));
        return key.length() > start.length() && key.startsWith(start);
    }

    /** A quote without its block separators: what joining or splitting blocks leaves unchanged. */
    static String quoteKey(String quote) {
        return quote.replace("\n", "");
    }

    /**
     * Replies in a comment's thread (a reply to a reply goes to the same thread).
     *
     * @return the reply's id
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long reply(long commentId, String body) {
        DocumentComment root = root(commentId);
        DocumentHeader header = documents.open(root.getDocumentId());
        long me = requireMay(CommissionAction.COMMENT_DRAFT, header);
        String text = checkBody(body);
        MentionedText rendered = render(header.commissionId(), text);
        DocumentComment saved = comments.saveAndFlush(DocumentComment.reply(root, me, text, rendered.html(),
                clock.instant()));
        published(header, saved, me, rendered.mentioned());
        return saved.getId();
    }

    /**
     * Resolves ({@code resolved}) or reopens a comment thread: its author while they may comment,
     * or a reviewer of the commission (chair, vice-chair, secretariat). Nothing is deleted.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void setResolved(long commentId, boolean resolved) {
        DocumentComment root = root(commentId);
        DocumentHeader header = documents.open(root.getDocumentId());
        long me = requireMay(CommissionAction.COMMENT_DRAFT, header, CommissionAction.REVIEW_DRAFT);
        if (me != root.getAuthorId() && !access.may(CommissionAction.REVIEW_DRAFT, header.commissionId())) {
            throw new AccessDeniedException("comments.refused.resolve");
        }
        if (resolved == root.isResolved()) {
            return;
        }
        if (resolved) {
            root.resolve(me, clock.instant());
        } else {
            root.reopen();
        }
        comments.flush();
        events.publishEvent(new CommentSignal(root.getDocumentId(), root.getId()));
    }

    /**
     * Stores the comments of a Word file just imported into the document (docs/adr/090), as the
     * signed-in person's ({@code COMMENT_DRAFT}), each showing its Word author and date. A thread's
     * first comment needs an anchor on the document's text (checked as for {@link #comment}); a
     * comment without a valid one is left out with its replies. Replies go to their thread (a reply
     * to a reply too); a thread Word marked done is resolved. Bodies are Markdown without mentions
     * (Word's names are no one's handles). Nobody is notified: the comments are not new remarks.
     *
     * @return how many were stored and how many left out
     * @throws AccessDeniedException if the reader may not comment on the document
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public ImportedComments importFromWord(long documentId, List<ImportedComment> imported) {
        DocumentHeader header = documents.open(documentId);
        long me = requireMay(CommissionAction.COMMENT_DRAFT, header);
        Map<String, ImportedComment> byKey = new LinkedHashMap<>();
        imported.forEach(c -> byKey.putIfAbsent(c.key(), c));
        Map<String, DocumentComment> roots = new HashMap<>();
        Instant now = clock.instant();
        int stored = 0;
        for (ImportedComment c : byKey.values()) {
            String from = c.from();
            String to = c.to();
            if (rootKey(c, byKey).equals(c.key()) && from != null && to != null && from.length() <= MAX_ANCHOR
                    && to.length() <= MAX_ANCHOR) {
                YjsEngine.AnchorRange range = documents.anchorRange(documentId, from, to);
                if (range.valid() && !range.text().isBlank()) {
                    String quote = range.text().length() <= MAX_QUOTE ? range.text()
                            : range.text().substring(0, MAX_QUOTE - 1) + "…";
                    String body = importedBody(c.text());
                    DocumentComment root = comments.save(DocumentComment.anchored(documentId, me, body,
                            discussions.preview(body), from, to, quote, now).fromWord(c.author(), c.date()));
                    if (c.done()) {
                        root.resolve(me, now);
                    }
                    roots.put(c.key(), root);
                    stored++;
                }
            }
        }
        comments.flush();
        for (ImportedComment c : byKey.values()) {
            DocumentComment root = roots.get(rootKey(c, byKey));
            if (root != null && !roots.containsKey(c.key())) {
                String body = importedBody(c.text());
                comments.save(DocumentComment.reply(root, me, body, discussions.preview(body), now)
                        .fromWord(c.author(), c.date()));
                stored++;
            }
        }
        comments.flush();
        roots.values().forEach(r -> events.publishEvent(new CommentSignal(documentId, r.getId())));
        return new ImportedComments(stored, byKey.size() - stored);
    }

    /** The key of the first comment of {@code c}'s thread (following replies up; a cycle ends it). */
    private static String rootKey(ImportedComment c, Map<String, ImportedComment> byKey) {
        ImportedComment at = c;
        for (int depth = 0; depth < byKey.size(); depth++) {
            String parent = at.parentKey();
            ImportedComment up = parent == null ? null : byKey.get(parent);
            if (up == null) {
                return at.key();
            }
            at = up;
        }
        return c.key();
    }

    private static String importedBody(String text) {
        String body = text.replace("\u0000", "").strip();
        body = body.isEmpty() ? "…" : body;
        return body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY - 1) + "…";
    }

    private MentionedText render(long commissionId, String text) {
        if (!access.may(CommissionAction.READ, commissionId)) {
            // a reader by a grant only (a consultation participant from elsewhere): Markdown, no mentions
            return new MentionedText(discussions.preview(text), List.of(), Set.of());
        }
        MentionedText rendered = discussions.render(commissionId, text);
        if (!rendered.unknown().isEmpty()) {
            throw new UserFacingException("comments.mention.outside",
                    String.join(", ", rendered.unknown().stream().sorted().map(h -> "@" + h).toList()));
        }
        return rendered;
    }

    private void published(DocumentHeader header, DocumentComment saved, long author,
            List<MentionCandidate> mentioned) {
        String authorName = name(people.summaries(List.of(author)), author);
        long threadId = saved.getParentId() == null ? saved.getId() : saved.getParentId();
        mentioned.stream().map(MentionCandidate::personId).filter(p -> p != author).distinct()
                .forEach(p -> events.publishEvent(new CommentMentioned(p, header.id(), threadId, authorName,
                        header.title())));
        events.publishEvent(new CommentAdded(header.id(), header.commissionId(), threadId, author, authorName,
                header.title(), saved.getHtml(), mentioned.stream().map(MentionCandidate::personId)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet())));
        events.publishEvent(new CommentSignal(header.id(), threadId));
    }

    private DocumentComment root(long commentId) {
        DocumentComment c = comments.findById(commentId).orElseThrow(NotFoundException::new);
        return c.getParentId() == null ? c : comments.findById(c.getParentId()).orElseThrow(NotFoundException::new);
    }

    /** The reader's person id, if they may do one of {@code actions} in the commission. */
    private long requireMay(CommissionAction action, DocumentHeader header, CommissionAction... or) {
        boolean allowed = false;
        for (CommissionAction other : or) {
            allowed |= access.may(other, header.commissionId());
        }
        if (!allowed) {
            // a grant that ended (a consultation closed) says so in its own words
            documentAccess.require(action, header.id(), header.commissionId(), "comments.refused");
            allowed = true;
        }
        Long me = currentUser.personId().orElse(null);
        if (!allowed || me == null) {
            throw new AccessDeniedException("comments.refused");
        }
        return me;
    }

    private static String checkBody(@Nullable String body) {
        String text = body == null ? "" : body.replace("\u0000", "").strip();
        require(!text.isEmpty(), "comments.body.required");
        require(text.length() <= MAX_BODY, "comments.body.too-long", MAX_BODY);
        return text;
    }

    /** The Word author's name for a comment imported from Word, otherwise its author's. */
    private static String shownAuthor(Map<Long, PersonSummary> names, DocumentComment c) {
        String word = c.getWordAuthor();
        return word != null ? word : name(names, c.getAuthorId());
    }

    private static Instant shownDate(DocumentComment c) {
        Instant word = c.getWordDate();
        return word != null ? word : c.getCreatedAt();
    }

    private static String name(Map<Long, PersonSummary> names, long id) {
        PersonSummary p = names.get(id);
        return p == null ? "?" : p.displayName();
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }
}
