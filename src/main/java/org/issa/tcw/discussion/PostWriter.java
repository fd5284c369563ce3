package org.issa.tcw.discussion;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.issa.tcw.discussion.domain.DiscussionThread;
import org.issa.tcw.discussion.domain.Mention;
import org.issa.tcw.discussion.domain.MentionRepository;
import org.issa.tcw.discussion.domain.Post;
import org.issa.tcw.discussion.domain.PostRepository;
import org.issa.tcw.discussion.domain.PostRevisionRepository;
import org.issa.tcw.discussion.domain.Reacted;
import org.issa.tcw.discussion.domain.ReactedRepository;
import org.issa.tcw.discussion.domain.ReadMarker;
import org.issa.tcw.discussion.domain.ReadMarkerRepository;
import org.issa.tcw.discussion.domain.ThreadWatch;
import org.issa.tcw.discussion.domain.ThreadWatchRepository;
import org.issa.tcw.discussion.domain.CommissionWatchRepository;
import org.issa.tcw.people.PersonSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores what {@link DiscussionService} has checked and allowed: a new post with its mentions,
 * the author's read marker and default watches, and the events that tell who is notified
 * ({@link PostCreated}, {@link PersonMentioned}) and which open pages change
 * ({@link DiscussionSignal}); an edit with its revision; a removal; a reaction. Package-private:
 * it checks nothing, so only the service (the security boundary) calls it, inside its transaction.
 * A new post is written in two steps, {@link #prepare} before the thread's row lock and
 * {@link #write} under it, so that the lock is held only for what needs the post's number.
 */
@Component
class PostWriter {

    private final PostRepository posts;
    private final PostRevisionRepository revisions;
    private final ReactedRepository reactions;
    private final MentionRepository mentions;
    private final ReadMarkerRepository markers;
    private final ThreadWatchRepository threadWatches;
    private final CommissionWatchRepository commissionWatches;
    private final CommissionMembers members;
    private final PostViews views;
    private final PostRendering rendering;
    private final ApplicationEventPublisher events;

    PostWriter(PostRepository posts, PostRevisionRepository revisions, ReactedRepository reactions,
            MentionRepository mentions, ReadMarkerRepository markers, ThreadWatchRepository threadWatches,
            CommissionWatchRepository commissionWatches, CommissionMembers members, PostViews views,
            PostRendering rendering, ApplicationEventPublisher events) {
        this.posts = posts;
        this.revisions = revisions;
        this.reactions = reactions;
        this.mentions = mentions;
        this.markers = markers;
        this.threadWatches = threadWatches;
        this.commissionWatches = commissionWatches;
        this.members = members;
        this.views = views;
        this.rendering = rendering;
        this.events = events;
    }

    /**
     * What a new post needs that does not depend on its number, prepared before the thread's row
     * lock is taken (ADR 113): the people of the commission who may be mentioned and notified, the
     * rendered and sanitised HTML, who it mentions, the author's name, and the post it replies to.
     */
    record Draft(long author, String authorName, String body, String html, Set<Long> participantIds,
            Set<Long> mentioned, @Nullable Long replyTo, @Nullable Long replyToSeq, @Nullable String replyToAuthor) {
    }

    /** The post a reply answers: its number and author, read before the lock (neither changes). */
    record ReplyTo(long postId, long seq, long authorId) {
    }

    /**
     * Prepares a post of the thread {@code threadId} of the commission {@code commissionCode}:
     * everything but its number. Reads only: no row is locked or written.
     */
    Draft prepare(String commissionCode, long author, String body, @Nullable ReplyTo replyTo) {
        List<MentionCandidate> participants = members.of(commissionCode);
        var rendered = rendering.render(body, CommissionMembers.handles(participants));
        Set<Long> mentioned = new LinkedHashSet<>();
        for (MentionCandidate m : participants) {
            if (rendered.mentions().contains(m.username().toLowerCase(Locale.ROOT)) && m.personId() != author) {
                mentioned.add(m.personId());
            }
        }
        Map<Long, PersonSummary> names = views.names(replyTo == null ? List.of(author)
                : List.of(author, replyTo.authorId()));
        Set<Long> participantIds = participants.stream().map(MentionCandidate::personId).collect(Collectors.toSet());
        return new Draft(author, PostViews.name(names, author), body.strip(), rendered.html(), participantIds,
                Set.copyOf(mentioned), replyTo == null ? null : replyTo.postId(),
                replyTo == null ? null : replyTo.seq(),
                replyTo == null ? null : PostViews.name(names, replyTo.authorId()));
    }

    /**
     * Appends a prepared post to a thread locked for update by the caller, and announces it: only
     * what needs the post's number (or must be atomic with it) happens here, while the lock is held —
     * the number, the post, the author's read marker, the mentions, the default watches, the watchers
     * (read under the lock, so whoever replied just before is notified of this one), and the events whose listeners
     * store the notifications and mail items in this transaction (a post and its notifications are
     * stored together or not at all). Pages hear of it after the commit ({@link DiscussionLiveFeed}).
     */
    PostView write(DiscussionThread t, Draft draft, Instant now) {
        long author = draft.author();
        long seq = t.nextSeq(now);
        posts.flush();
        Post post = posts.saveAndFlush(new Post(t.getId(), t.getCommissionId(), seq, author, draft.replyTo(),
                draft.body(), draft.html(), now));
        markers.findById(new ReadMarker.Key(t.getId(), author)).ifPresentOrElse(m -> m.readUpTo(seq),
                () -> markers.save(new ReadMarker(t.getId(), author, seq)));
        // under the lock too: "watch unless a level was chosen" reads then inserts, so two replies at
        // once by (or mentioning) the same person would both insert
        watchByDefault(t.getId(), author);
        for (Long person : draft.mentioned()) {
            mentions.save(new Mention(post.getId(), person));
            watchByDefault(t.getId(), person);
        }
        Set<Long> watchers = watchers(t, draft.participantIds());
        watchers.remove(author);
        watchers.removeAll(draft.mentioned());
        events.publishEvent(new PostCreated(post.getId(), t.getId(), t.getCommissionId(), seq, author,
                draft.authorName(), t.getTitle(), Set.copyOf(watchers), draft.mentioned()));
        for (Long person : draft.mentioned()) {
            events.publishEvent(new PersonMentioned(person, post.getId(), t.getId(), t.getCommissionId(), seq, author,
                    draft.authorName(), t.getTitle()));
        }
        // a new post has no reactions yet, and its names were read before the lock: no query here
        PostView view = PostViews.view(post, draft.authorName(), draft.replyToSeq(), draft.replyToAuthor(), List.of(),
                false);
        events.publishEvent(new DiscussionSignal(DiscussionSignal.Kind.POST_CREATED, t.getCommissionId(), t.getId(),
                post.getId(), view));
        return view;
    }

    /** Replaces a post's text, keeping the previous one as a revision. */
    void edit(DiscussionThread t, Post post, String body, Instant now) {
        var rendered = rendering.render(body, CommissionMembers.handles(members.of(t.getCommissionCode())));
        revisions.save(post.edit(body.strip(), rendered.html(), now));
        posts.flush();
        changed(t, post.getId());
    }

    /** Marks a post removed; it stays in its place. */
    void delete(DiscussionThread t, Post post) {
        post.delete();
        posts.flush();
        changed(t, post.getId());
    }

    /** Adds the person's reaction to a post, or takes it back if it was there. */
    void toggleReaction(DiscussionThread t, Post post, long person, Reaction reaction) {
        var key = new Reacted.Key(post.getId(), person, reaction);
        if (reactions.existsById(key)) {
            reactions.deleteById(key);
        } else {
            reactions.save(new Reacted(post.getId(), person, reaction));
        }
        reactions.flush();
        changed(t, post.getId());
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
}
