package org.issa.tcw.discussion;

import static org.issa.tcw.base.Checks.require;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.discussion.domain.CommissionWatch;
import org.issa.tcw.discussion.domain.CommissionWatchRepository;
import org.issa.tcw.discussion.domain.DiscussionThread;
import org.issa.tcw.discussion.domain.DiscussionThreadRepository;
import org.issa.tcw.discussion.domain.Mention;
import org.issa.tcw.discussion.domain.MentionRepository;
import org.issa.tcw.discussion.domain.Post;
import org.issa.tcw.discussion.domain.PostRepository;
import org.issa.tcw.discussion.domain.PostRevisionRepository;
import org.issa.tcw.discussion.domain.Reacted;
import org.issa.tcw.discussion.domain.ReactedRepository;
import org.issa.tcw.discussion.domain.ReadMarker;
import org.issa.tcw.discussion.domain.ReadMarkerRepository;
import org.issa.tcw.discussion.domain.ThreadForReader;
import org.issa.tcw.discussion.domain.ThreadWatch;
import org.issa.tcw.discussion.domain.ThreadWatchRepository;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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
    private final PostRevisionRepository revisions;
    private final ReactedRepository reactions;
    private final MentionRepository mentions;
    private final ReadMarkerRepository markers;
    private final ThreadWatchRepository threadWatches;
    private final CommissionWatchRepository commissionWatches;
    private final CommissionAccess access;
    private final CommissionMembers members;
    private final PostViews views;
    private final CurrentUser currentUser;
    private final DiscussionLimits limits;
    private final PostingRate rate;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AnchorCheck anchors;

    DiscussionService(DiscussionThreadRepository threads, PostRepository posts, PostRevisionRepository revisions,
            ReactedRepository reactions, MentionRepository mentions, ReadMarkerRepository markers,
            ThreadWatchRepository threadWatches, CommissionWatchRepository commissionWatches,
            CommissionAccess access, CommissionMembers members, PostViews views, CurrentUser currentUser,
            DiscussionLimits limits, PostingRate rate, ApplicationEventPublisher events, Clock clock,
            AnchorCheck anchors) {
        this.threads = threads;
        this.posts = posts;
        this.revisions = revisions;
        this.reactions = reactions;
        this.mentions = mentions;
        this.markers = markers;
        this.threadWatches = threadWatches;
        this.commissionWatches = commissionWatches;
        this.access = access;
        this.members = members;
        this.views = views;
        this.currentUser = currentUser;
        this.limits = limits;
        this.rate = rate;
        this.events = events;
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
        WatchLevel level = commissionLevel(commissionId, reader);
        return rows(threads.pageForReader(commissionId, reader, pattern(search), pageable), reader, c -> level);
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
        // each row falls back to its own commission's level: one query for all commissions present
        Map<Long, WatchLevel> levels = new HashMap<>();
        commissionWatches.findByPersonIdAndCommissionIdIn(reader, readable.stream()
                .map(r -> r.thread().getCommissionId()).distinct().toList())
                .forEach(w -> levels.put(w.getCommissionId(), w.getLevel()));
        return rows(readable, reader, c -> levels.getOrDefault(c, WatchLevel.TRACKING));
    }

    /** A thread's page header for the reader: what they may do and where their unread posts start. */
    @PreAuthorize("@discussionAccess.mayInThread('READ', #threadId)")
    public ThreadDetails thread(long threadId) {
        long reader = reader();
        DiscussionThread t = threads.findById(threadId).orElseThrow(NotFoundException::new);
        long lastRead = markers.findById(new ReadMarker.Key(threadId, reader)).map(ReadMarker::getLastReadSeq)
                .orElse(0L);
        long firstUnread = lastRead < t.getLastSeq() ? lastRead + 1 : 0;
        WatchLevel level = threadWatches.findById(new ThreadWatch.Key(threadId, reader)).map(ThreadWatch::getLevel)
                .orElseGet(() -> commissionLevel(t.getCommissionId(), reader));
        return new ThreadDetails(t.getId(), t.getCommissionId(), t.getCommissionCode(), t.getTitle(),
                t.getAnchorType(), t.getAnchorId(), t.getAnchorLabel(), t.isPinned(), t.isLocked(), t.getLastSeq(),
                firstUnread, level, access.may(CommissionAction.POST, t.getCommissionId()) && !t.isLocked(),
                access.may(CommissionAction.MODERATE, t.getCommissionId()), reader, t.getVersion());
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
        write(t, author, thread.body(), null, now);
        return t.getId();
    }

    /**
     * Replies in a thread (to a post of it when {@code replyToPostId} is given, e.g. a quote-reply).
     * Refused when the thread is locked, the text too long or the author posts too fast.
     */
    @Transactional
    @PreAuthorize("@discussionAccess.mayInThread('POST', #threadId)")
    public PostView reply(long threadId, String text, @Nullable Long replyToPostId) {
        long author = reader();
        String body = clean(text);
        checkBody(body);
        checkRate(author);
        DiscussionThread t = threads.lockById(threadId).orElseThrow(NotFoundException::new);
        if (replyToPostId != null) {
            Post target = posts.findById(replyToPostId).orElseThrow(NotFoundException::new);
            require(target.getThreadId() == threadId, "error.not-found");
        }
        return write(t, author, body, replyToPostId, clock.instant());
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
        var rendered = PostMarkdown.render(body, CommissionMembers.handles(members.of(t.getCommissionCode())));
        revisions.save(post.edit(body.strip(), rendered.html(), clock.instant()));
        posts.flush();
        changed(t, post.getId());
    }

    /** Removes one's own post: it stays in its place as "post removed". */
    @Transactional
    @PreAuthorize("@discussionAccess.mayOnPost('POST', #postId)")
    public void delete(long postId) {
        Post post = posts.findById(postId).orElseThrow(NotFoundException::new);
        requireAuthor(post, reader());
        post.delete();
        posts.flush();
        changed(threads.findById(post.getThreadId()).orElseThrow(NotFoundException::new), post.getId());
    }

    /** Adds the reader's reaction to a post, or takes it back if it was there. */
    @Transactional
    @PreAuthorize("@discussionAccess.mayOnPost('POST', #postId)")
    public void react(long postId, Reaction reaction) {
        long me = reader();
        Post post = posts.findById(postId).orElseThrow(NotFoundException::new);
        require(post.isDeleted() == false && !post.isHidden(), "discussion.post.not-visible");
        var key = new Reacted.Key(postId, me, reaction);
        if (reactions.existsById(key)) {
            reactions.deleteById(key);
        } else {
            reactions.save(new Reacted(postId, me, reaction));
        }
        reactions.flush();
        changed(threads.findById(post.getThreadId()).orElseThrow(NotFoundException::new), postId);
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

    private PostView write(DiscussionThread t, long author, String body, @Nullable Long replyTo, Instant now) {
        List<MentionCandidate> participants = members.of(t.getCommissionCode());
        Map<String, String> handles = CommissionMembers.handles(participants);
        var rendered = PostMarkdown.render(body, handles);
        long seq = t.nextSeq(now);
        threads.flush();
        Post post = posts.saveAndFlush(new Post(t.getId(), seq, author, replyTo, body.strip(), rendered.html(), now));
        markers.findById(new ReadMarker.Key(t.getId(), author)).ifPresentOrElse(m -> m.readUpTo(seq),
                () -> markers.save(new ReadMarker(t.getId(), author, seq)));
        watchByDefault(t.getId(), author);

        Set<Long> participantIds = participants.stream().map(MentionCandidate::personId)
                .collect(Collectors.toSet());
        Set<Long> watchers = watchers(t, participantIds);
        Set<Long> mentioned = new LinkedHashSet<>();
        for (MentionCandidate m : participants) {
            if (rendered.mentions().contains(m.username().toLowerCase(Locale.ROOT)) && m.personId() != author) {
                mentioned.add(m.personId());
                mentions.save(new Mention(post.getId(), m.personId()));
                watchByDefault(t.getId(), m.personId());
            }
        }
        watchers.remove(author);
        watchers.removeAll(mentioned);
        Map<Long, PersonSummary> names = views.names(List.of(author));
        String authorName = PostViews.name(names, author);
        events.publishEvent(new PostCreated(post.getId(), t.getId(), t.getCommissionId(), seq, author, authorName,
                t.getTitle(), Set.copyOf(watchers), Set.copyOf(mentioned)));
        for (Long person : mentioned) {
            events.publishEvent(new PersonMentioned(person, post.getId(), t.getId(), t.getCommissionId(), seq, author,
                    authorName, t.getTitle()));
        }
        PostView view = views.of(post, author, false);
        events.publishEvent(new DiscussionSignal(DiscussionSignal.Kind.POST_CREATED, t.getCommissionId(), t.getId(),
                post.getId(), view));
        return view;
    }

    /**
     * Who is notified of every post of the thread: its watchers, and the commission's watchers
     * without an own level — only those who may read it now: active members and active staff
     * (a watch row outlives a membership or a staff role, the right to read does not).
     */
    private Set<Long> watchers(DiscussionThread t, Set<Long> participantIds) {
        Set<Long> result = new HashSet<>(threadWatches.personsAt(t.getId(), WatchLevel.WATCHING));
        Set<Long> ownLevel = new HashSet<>(threadWatches.personsWithOwnLevel(t.getId()));
        commissionWatches.personsAt(t.getCommissionId(), WatchLevel.WATCHING).stream()
                .filter(p -> !ownLevel.contains(p)).forEach(result::add);
        result.retainAll(participantIds);
        return result;
    }

    /** Starting, posting in or being mentioned in a thread watches it, unless the person chose a level. */
    private void watchByDefault(long threadId, long personId) {
        if (!threadWatches.existsById(new ThreadWatch.Key(threadId, personId))) {
            threadWatches.save(new ThreadWatch(threadId, personId, WatchLevel.WATCHING));
        }
    }

    private void changed(DiscussionThread t, long postId) {
        events.publishEvent(new DiscussionSignal(DiscussionSignal.Kind.POST_CHANGED, t.getCommissionId(), t.getId(),
                postId, null));
    }

    /** {@code commissionLevel}: the reader's level for a commission, used by threads without their own. */
    private List<ThreadRow> rows(List<ThreadForReader> found, long reader,
            Function<Long, WatchLevel> commissionLevel) {
        Map<Long, PersonSummary> names = views.names(
                found.stream().map(r -> r.thread().getAuthorId()).distinct().toList());
        return found.stream().map(r -> {
            DiscussionThread t = r.thread();
            Long lastRead = r.lastReadSeq();
            WatchLevel own = r.level();
            WatchLevel level = own == null ? commissionLevel.apply(t.getCommissionId()) : own;
            long unread = level == WatchLevel.MUTED ? 0 : t.getLastSeq() - (lastRead == null ? 0 : lastRead);
            return new ThreadRow(t.getId(), t.getCommissionId(), t.getCommissionCode(), t.getTitle(),
                    t.getAnchorType(), t.getAnchorId(), t.getAnchorLabel(), PostViews.name(names, t.getAuthorId()),
                    t.getReplyCount(), t.getLastPostAt(), t.isPinned(), t.isLocked(), Math.max(0, unread),
                    lastRead == null, level);
        }).toList();
    }

    private WatchLevel commissionLevel(long commissionId, long reader) {
        return commissionWatches.findById(new CommissionWatch.Key(commissionId, reader))
                .map(CommissionWatch::getLevel).orElse(WatchLevel.TRACKING);
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
