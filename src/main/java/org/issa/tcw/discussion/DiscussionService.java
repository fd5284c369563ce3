package org.issa.tcw.discussion;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.discussion.domain.DiscussionThread;
import org.issa.tcw.discussion.domain.DiscussionThreadRepository;
import org.issa.tcw.discussion.domain.Post;
import org.issa.tcw.discussion.domain.PostRepository;
import org.issa.tcw.discussion.domain.ThreadForReader;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threads and posts: reading them (lists with unread counts, long threads page by page), starting
 * threads, replying, editing and removing one's own posts, reactions, mentions. Every method checks
 * the reader's right in the thread's commission (docs/permissions.md: read = every role of C and the staff;
 * post = every role of C and the secretariat; one's own posts only for edit and delete).
 */
@Service
@Transactional(readOnly = true)
public class DiscussionService {

    /** The most posts one call returns (a page of a long thread). */
    public static final int MAX_PAGE = 200;

    private final DiscussionThreadRepository threads;
    private final PostRepository posts;
    private final CommissionAccess access;
    private final CommissionMembers members;
    private final PostViews views;
    private final ThreadRows rows;
    private final PostWriter writer;
    private final CurrentUser currentUser;
    private final DiscussionLimits limits;
    private final PostingRate rate;
    private final Clock clock;
    private final AnchorCheck anchors;

    DiscussionService(DiscussionThreadRepository threads, PostRepository posts, CommissionAccess access,
            CommissionMembers members, PostViews views, ThreadRows rows, PostWriter writer, CurrentUser currentUser,
            DiscussionLimits limits, PostingRate rate, Clock clock, AnchorCheck anchors) {
        this.threads = threads;
        this.posts = posts;
        this.access = access;
        this.members = members;
        this.views = views;
        this.rows = rows;
        this.writer = writer;
        this.currentUser = currentUser;
        this.limits = limits;
        this.rate = rate;
        this.clock = clock;
        this.anchors = anchors;
    }

    /**
     * A page of a commission's threads for the signed-in reader, pinned first, with unread counts.
     * {@code search} matches words in titles and visible posts (empty: all threads).
     */
    @PreAuthorize("@commissionAccess.may('READ', #commissionId)")
    public List<ThreadRow> threads(long commissionId, String search, Pageable pageable) {
        long reader = reader();
        return rows.ofCommission(threads.pageForReader(commissionId, reader, pattern(search), pageable), commissionId,
                reader);
    }

    @PreAuthorize("@commissionAccess.may('READ', #commissionId)")
    public long countThreads(long commissionId, String search) {
        return threads.countForCommission(commissionId, pattern(search));
    }

    /**
     * The threads attached to a project, document or event, for pages of other features; only
     * those of commissions the reader may read.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ThreadRow> threadsFor(AnchorType anchorType, long anchorId) {
        Long reader = currentUser.require().personId();
        List<ThreadForReader> found = threads.forAnchor(anchorType, anchorId, reader == null ? -1 : reader);
        List<ThreadForReader> readable = found.stream()
                .filter(r -> access.may(CommissionAction.READ, r.thread().getCommissionId())).toList();
        if (readable.isEmpty() || reader == null) {
            return List.of();
        }
        return rows.ofCommissions(readable, reader);
    }

    /**
     * The threads with posts I have not read in the commissions I may read (muted ones left out),
     * most recent first, at most {@code limit}: the home page's list. A fixed number of statements.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ThreadRow> unreadThreads(int limit) {
        Long reader = currentUser.require().personId();
        if (reader == null) {
            return List.of();
        }
        java.util.Set<Long> readable = access.commissionsWhere(CommissionAction.READ);
        if (readable.isEmpty()) {
            return List.of();
        }
        List<ThreadForReader> found = threads.unreadForReader(readable, reader, PageRequest.of(0, limit));
        return found.isEmpty() ? List.of() : rows.ofCommissions(found, reader);
    }

    /** A thread's page header for the reader: what they may do and where their unread posts start. */
    @PreAuthorize("@discussionAccess.mayInThread('READ', #threadId)")
    public ThreadDetails thread(long threadId) {
        long reader = reader();
        DiscussionThread t = threads.findById(threadId).orElseThrow(NotFoundException::new);
        return rows.details(t, reader, access.may(CommissionAction.POST, t.getCommissionId()) && !t.isLocked(),
                access.may(CommissionAction.MODERATE, t.getCommissionId()));
    }

    /** Up to {@code limit} posts from sequence number {@code fromSeq} on, oldest first. */
    @PreAuthorize("@discussionAccess.mayInThread('READ', #threadId)")
    public List<PostView> postsFrom(long threadId, long fromSeq, int limit) {
        return views.of(posts.fromSeq(threadId, fromSeq, PageRequest.of(0, bounded(limit))), reader(),
                moderates(threadId));
    }

    /** Up to {@code limit} posts just before sequence number {@code beforeSeq}, oldest first. */
    @PreAuthorize("@discussionAccess.mayInThread('READ', #threadId)")
    public List<PostView> postsBefore(long threadId, long beforeSeq, int limit) {
        List<Post> page = new ArrayList<>(posts.beforeSeq(threadId, beforeSeq, PageRequest.of(0, bounded(limit))));
        Collections.reverse(page);
        return views.of(page, reader(), moderates(threadId));
    }

    /** One post as the reader sees it now. */
    @PreAuthorize("@discussionAccess.mayOnPost('READ', #postId)")
    public PostView post(long postId) {
        Post post = posts.findById(postId).orElseThrow(NotFoundException::new);
        return views.of(post, reader(), moderates(post.getThreadId()));
    }

    /**
     * The project, document or event a new thread of the commission would be attached to, labelled
     * from the record itself (pages link to the new-thread form with a type and an id only).
     *
     * @throws org.issa.tcw.base.UserFacingException if it does not exist, belongs to another
     *                                               commission or may not be read by the signed-in person
     */
    @PreAuthorize("@commissionAccess.may('POST', #commissionId)")
    public Anchor anchor(long commissionId, AnchorType type, long id) {
        return anchors.resolve(Anchor.to(type, id), commissionId);
    }

    /**
     * Starts a thread with its first post; the author then watches it. An anchor is checked like
     * {@link #anchor(long, AnchorType, long)} and labelled from its record.
     *
     * @return the thread's id
     */
    @Transactional
    @PreAuthorize("@commissionAccess.may('POST', #input.commissionId())")
    public long startThread(NewThread input) {
        long author = reader();
        // the anchor must be a readable record of this commission; its label comes from the record
        NewThread thread = new NewThread(input.commissionId(), clean(input.title()), clean(input.body()),
                input.anchor() == null ? null : anchors.resolve(input.anchor(), input.commissionId()));
        Checks.requireText(thread.title(), limits.maxTitleLength(), "discussion.title");
        checkBody(thread.body());
        checkRate(author);
        String code = members.codeOf(thread.commissionId());
        Instant now = clock.instant();
        DiscussionThread t = threads.saveAndFlush(
                new DiscussionThread(thread.commissionId(), code, thread.title(), author, thread.anchor(), now));
        writer.write(t, writer.prepare(code, author, thread.body(), null), now);
        return t.getId();
    }

    /**
     * Replies in a thread (to a post of it when {@code replyToPostId} is given, e.g. a quote-reply).
     * Refused when the thread is locked, the text too long or the author posts too fast.
     *
     * <p>The thread's row lock numbers its posts one at a time, and a row lock lasts until the
     * commit: everything that does not need the post's number — the checks, the commission's
     * people, the Markdown rendering, the names — is done before {@code lockById}, so that replies
     * to one busy thread queue only for the numbering and the inserts (ADR 113, {@code ReplyLockTest}).
     */
    @Transactional
    @PreAuthorize("@discussionAccess.mayInThread('POST', #threadId)")
    public PostView reply(long threadId, String text, @Nullable Long replyToPostId) {
        long author = reader();
        String body = clean(text);
        checkBody(body);
        checkRate(author);
        // a projection, not the entity: the thread must first be loaded by lockById, fresh and locked
        String commissionCode = threads.commissionCodeOf(threadId).orElseThrow(NotFoundException::new);
        PostWriter.ReplyTo target = null;
        if (replyToPostId != null) {
            Post post = posts.findById(replyToPostId).orElseThrow(NotFoundException::new);
            require(post.getThreadId() == threadId, "error.not-found");
            target = new PostWriter.ReplyTo(post.getId(), post.getSeq(), post.getAuthorId());
        }
        PostWriter.Draft draft = writer.prepare(commissionCode, author, body, target);
        DiscussionThread t = threads.lockById(threadId).orElseThrow(NotFoundException::new);
        return writer.write(t, draft, clock.instant());
    }

    /** Renders Markdown as a post would show it (the composer's preview). */
    @PreAuthorize("isAuthenticated()")
    public String preview(String markdown) {
        Checks.require(markdown.length() <= limits.maxPostLength(), "discussion.post.too-long",
                limits.maxPostLength());
        return PostMarkdown.render(markdown);
    }

    /** Edits one's own post; the previous text is kept for moderators and the post shows "edited". */
    @Transactional
    @PreAuthorize("@discussionAccess.mayOnPost('POST', #postId)")
    public void edit(long postId, long seenVersion, String text) {
        long me = reader();
        String body = clean(text);
        checkBody(body);
        Post post = posts.findById(postId).orElseThrow(NotFoundException::new);
        requireAuthor(post, me);
        Versions.requireUnchanged(post.getVersion(), seenVersion);
        DiscussionThread t = threads.findById(post.getThreadId()).orElseThrow(NotFoundException::new);
        require(!t.isLocked(), "discussion.thread.locked");
        writer.edit(t, post, body, clock.instant());
    }

    /** Removes one's own post: it stays in its place as "post removed". */
    @Transactional
    @PreAuthorize("@discussionAccess.mayOnPost('POST', #postId)")
    public void delete(long postId) {
        Post post = posts.findById(postId).orElseThrow(NotFoundException::new);
        requireAuthor(post, reader());
        writer.delete(threads.findById(post.getThreadId()).orElseThrow(NotFoundException::new), post);
    }

    /** Adds the reader's reaction to a post, or takes it back if it was there. */
    @Transactional
    @PreAuthorize("@discussionAccess.mayOnPost('POST', #postId)")
    public void react(long postId, Reaction reaction) {
        long me = reader();
        Post post = posts.findById(postId).orElseThrow(NotFoundException::new);
        require(post.isDeleted() == false && !post.isHidden(), "discussion.post.not-visible");
        writer.toggleReaction(threads.findById(post.getThreadId()).orElseThrow(NotFoundException::new), post, me,
                reaction);
    }

    /**
     * Who can be mentioned whose name or username starts with {@code prefix} (mention autocomplete):
     * the commission's members first, then the staff (secretariat, administrators), marked as such.
     */
    @PreAuthorize("@commissionAccess.may('READ', #commissionId)")
    public List<MentionCandidate> mentionCandidates(long commissionId, String prefix, int limit) {
        String p = prefix.toLowerCase(Locale.ROOT).replaceFirst("^@", "");
        return members.of(members.codeOf(commissionId)).stream()
                .filter(m -> m.username().toLowerCase(Locale.ROOT).startsWith(p)
                        || java.util.Arrays.stream(m.displayName().toLowerCase(Locale.ROOT).split("\\s+"))
                                .anyMatch(w -> w.startsWith(p)))
                .limit(Math.max(1, limit)).toList();
    }

    /**
     * Markdown rendered and sanitised as a post of the commission would be, with its mentions
     * resolved against the same people (members and staff): for other features' texts, which
     * decide what to do with the mentions and the unknown handles.
     */
    @PreAuthorize("@commissionAccess.may('READ', #commissionId)")
    public MentionedText render(long commissionId, String markdown) {
        List<MentionCandidate> participants = members.of(members.codeOf(commissionId));
        var rendered = PostMarkdown.render(markdown, CommissionMembers.handles(participants));
        Map<String, MentionCandidate> byHandle = new HashMap<>();
        participants.forEach(m -> byHandle.put(m.username().toLowerCase(Locale.ROOT), m));
        List<MentionCandidate> mentioned = rendered.mentions().stream().map(byHandle::get).toList();
        var prose = org.jsoup.Jsoup.parseBodyFragment(rendered.html());
        prose.select("code, pre, a, .tcw-mention").remove();
        Set<String> unknown = new LinkedHashSet<>(PostMarkdown.handles(prose.body().wholeText()));
        unknown.removeAll(byHandle.keySet());
        return new MentionedText(rendered.html(), mentioned, Set.copyOf(unknown));
    }

    private void checkBody(String body) {
        require(body != null && !body.isBlank(), "validation.required", new Checks.FieldName("discussion.post"));
        require(body.strip().length() <= limits.maxPostLength(), "discussion.post.too-long", limits.maxPostLength());
    }

    private void checkRate(long author) {
        rate.check(author);
    }

    private static void requireAuthor(Post post, long me) {
        if (post.getAuthorId() != me) {
            throw new AccessDeniedException("Only the author may change this post");
        }
    }

    private boolean moderates(long threadId) {
        return threads.commissionOf(threadId).map(c -> access.may(CommissionAction.MODERATE, c)).orElse(false);
    }

    private long reader() {
        Long id = currentUser.require().personId();
        if (id == null) {
            throw new AccessDeniedException("This account has no person record");
        }
        return id;
    }

    /** Drops NUL characters, which PostgreSQL cannot store in text; everything else is kept as typed. */
    static String clean(@Nullable String text) {
        return text == null ? "" : text.replace("\u0000", "");
    }

    static String pattern(@Nullable String search) {
        String s = search == null ? "" : search.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + s + "%";
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(MAX_PAGE, limit));
    }
}
