package org.issa.tcw.documents.comments;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final CommentThreadReader reader;
    private final WordCommentImport wordImport;

    DocumentComments(DocumentCommentRepository comments, DocumentService documents, DiscussionService discussions,
            CommissionAccess access, PersonService people, CurrentUser currentUser, ApplicationEventPublisher events,
            Clock clock, SuggestionService suggestions, DocumentAccess documentAccess, CommentThreadReader reader,
            WordCommentImport wordImport) {
        this.documentAccess = documentAccess;
        this.reader = reader;
        this.wordImport = wordImport;
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
        reader.threads(documentId, commissionId, review, comment, false, (root, view) -> threads.add(view));
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
        reader.threads(documentId, commissionId, review, comment, true,
                (root, view) -> threads.put(CommentThreadReader.nonNull(root.getSuggestionId()), view));
        return new SuggestionThreadList(documentId, commissionId, comment, Collections.unmodifiableMap(threads));
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
        DocumentComment saved = comments.saveAndFlush(DocumentComment.onSuggestion(documentId, me, text,
                rendered.html(), suggestionId, CommentAnchors.quote(quote), clock.instant()));
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
        require(CommentAnchors.wellFormed(from, to), "comments.anchor.invalid");
        MentionedText rendered = render(header.commissionId(), text);
        YjsEngine.AnchorRange range = documents.anchorRange(documentId, from, to);
        require(range.valid() && !range.text().isBlank(), "comments.anchor.invalid");
        DocumentComment saved = comments.saveAndFlush(DocumentComment.anchored(documentId, me, text,
                rendered.html(), from, to, CommentAnchors.quote(range.text()), clock.instant()));
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
     * ({@link CommentAnchors#isQuote}); anyone who may comment on the document may ask (every reader's editor
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
        require(CommentAnchors.wellFormed(from, to), "comments.anchor.invalid");
        String oldFrom = root.getAnchorFrom();
        String oldTo = root.getAnchorTo();
        String quote = root.getQuote();
        require(oldFrom != null && oldTo != null && quote != null, "comments.anchor.invalid");
        YjsEngine.AnchorRange old = documents.anchorRange(header.id(), oldFrom, oldTo);
        // moved only when its text came apart: the anchor reads no text, or it lost its first or last
        // character and no longer reads as its quote (a paragraph split inside it)
        require(!old.valid() || old.text().isBlank() || (old.broken() && !CommentAnchors.isQuote(old.text(), quote)),
                "comments.reanchor.anchored");
        YjsEngine.AnchorRange range = documents.anchorRange(header.id(), from, to);
        require(range.valid() && CommentAnchors.isQuote(range.text(), quote), "comments.reanchor.text");
        // guarded: another editor that noticed the same detachment may have moved it meanwhile
        require(comments.reanchor(root.getId(), oldFrom, oldTo, from, to) == 1, "comments.reanchor.anchored");
        events.publishEvent(new CommentSignal(header.id(), root.getId()));
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
        return wordImport.store(documentId, me, imported);
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
        String authorName = CommentThreadReader.name(people.summaries(List.of(author)), author);
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
}
