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
    private final ApplicationEventPublisher events;

    PostWriter(PostRepository posts, PostRevisionRepository revisions, ReactedRepository reactions,
            MentionRepository mentions, ReadMarkerRepository markers, ThreadWatchRepository threadWatches,
            CommissionWatchRepository commissionWatches, CommissionMembers members, PostViews views,
            ApplicationEventPublisher events) {
        this.posts = posts;
        this.revisions = revisions;
        this.reactions = reactions;
        this.mentions = mentions;
        this.markers = markers;
        this.threadWatches = threadWatches;
        this.commissionWatches = commissionWatches;
        this.members = members;
        this.views = views;
        this.events = events;
    }

    /** Appends a post to a thread (locked for update by the caller) and announces it. */
    PostView write(DiscussionThread t, long author, String body, @Nullable Long replyTo, Instant now) {
        List<MentionCandidate> participants = members.of(t.getCommissionCode());
        Map<String, String> handles = CommissionMembers.handles(participants);
        var rendered = PostMarkdown.render(body, handles);
        long seq = t.nextSeq(now);
        posts.flush();
        Post post = posts.saveAndFlush(new Post(t.getId(), t.getCommissionId(), seq, author, replyTo, body.strip(), rendered.html(), now));
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

    /** Replaces a post's text, keeping the previous one as a revision. */
    void edit(DiscussionThread t, Post post, String body, Instant now) {
        var rendered = PostMarkdown.render(body, CommissionMembers.handles(members.of(t.getCommissionCode())));
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
