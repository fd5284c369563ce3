package org.issa.tcw.discussion;

import java.util.List;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.discussion.domain.DiscussionThread;
import org.issa.tcw.discussion.domain.DiscussionThreadRepository;
import org.issa.tcw.discussion.domain.Post;
import org.issa.tcw.discussion.domain.PostRepository;
import org.issa.tcw.discussion.domain.PostRevisionRepository;
import org.issa.tcw.security.CurrentUser;
import org.issa.tcw.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation of a commission's threads by its chair and vice-chairs and the secretariat
 * (docs/permissions.md: {@code MODERATE}): pin, lock, hide a post with a reason, move a thread to
 * another project, document or event, and read an edited post's history. Each action publishes
 * {@link ThreadModerated}.
 */
@Service
@Transactional(readOnly = true)
public class ModerationService {

    public static final int MAX_REASON = 500;

    private final DiscussionThreadRepository threads;
    private final PostRepository posts;
    private final PostRevisionRepository revisions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final AnchorCheck anchors;

    ModerationService(DiscussionThreadRepository threads, PostRepository posts, PostRevisionRepository revisions,
            CurrentUser currentUser, ApplicationEventPublisher events, AnchorCheck anchors) {
        this.threads = threads;
        this.posts = posts;
        this.revisions = revisions;
        this.currentUser = currentUser;
        this.events = events;
        this.anchors = anchors;
    }

    /** Pins a thread on top of its commission's list, or unpins it. */
    @Transactional
    @PreAuthorize("@discussionAccess.mayInThread('MODERATE', #threadId)")
    public void pin(long threadId, boolean pinned) {
        DiscussionThread t = thread(threadId);
        t.pin(pinned);
        done(t, pinned ? ThreadModerated.Action.PINNED : ThreadModerated.Action.UNPINNED, null, null, null);
    }

    /** Locks a thread (no more replies nor edits), or opens it again. */
    @Transactional
    @PreAuthorize("@discussionAccess.mayInThread('MODERATE', #threadId)")
    public void lock(long threadId, boolean locked) {
        DiscussionThread t = thread(threadId);
        t.lock(locked);
        done(t, locked ? ThreadModerated.Action.LOCKED : ThreadModerated.Action.UNLOCKED, null, null, null);
    }

    /**
     * Attaches a thread to another project, document or event of its commission, or to none. The
     * anchor must exist in the thread's commission and be readable by the moderator; its label is
     * taken from the record (a label in {@code anchor} is ignored).
     *
     * @throws UserFacingException if the anchor does not exist, belongs to another commission or
     *                             may not be read by the moderator
     */
    @Transactional
    @PreAuthorize("@discussionAccess.mayInThread('MODERATE', #threadId)")
    public void move(long threadId, @Nullable Anchor requested) {
        DiscussionThread t = thread(threadId);
        Anchor anchor = requested == null ? null : anchors.resolve(requested, t.getCommissionId());
        t.moveTo(anchor);
        done(t, ThreadModerated.Action.MOVED, null, null, anchor == null ? null : anchor.label());
    }

    /** Hides a post from everyone but moderators, with a reason its author and readers see. */
    @Transactional
    @PreAuthorize("@discussionAccess.mayOnPost('MODERATE', #postId)")
    public void hide(long postId, String reason) {
        Checks.requireText(reason, MAX_REASON, "discussion.hide.reason");
        Post post = posts.findById(postId).orElseThrow(NotFoundException::new);
        if (post.isDeleted()) {
            throw new UserFacingException("discussion.post.deleted");
        }
        post.hide(reason.trim(), moderator().personId() == null ? -1 : moderator().personId());
        done(thread(post.getThreadId()), ThreadModerated.Action.POST_HIDDEN, post.getId(), post.getAuthorId(),
                reason.trim());
    }

    /** Shows a hidden post again. */
    @Transactional
    @PreAuthorize("@discussionAccess.mayOnPost('MODERATE', #postId)")
    public void show(long postId) {
        Post post = posts.findById(postId).orElseThrow(NotFoundException::new);
        post.unhide();
        done(thread(post.getThreadId()), ThreadModerated.Action.POST_SHOWN, post.getId(), post.getAuthorId(), null);
    }

    /** The earlier texts of an edited post, newest first. */
    @PreAuthorize("@discussionAccess.mayOnPost('MODERATE', #postId)")
    public List<PostRevisionView> history(long postId) {
        return revisions.findByPostIdOrderByReplacedAtDesc(postId).stream()
                .map(r -> new PostRevisionView(r.getBody(), r.getWrittenAt(), r.getReplacedAt())).toList();
    }

    private DiscussionThread thread(long id) {
        return threads.findById(id).orElseThrow(NotFoundException::new);
    }

    private void done(DiscussionThread t, ThreadModerated.Action action, @Nullable Long postId,
            @Nullable Long affected, @Nullable String reason) {
        threads.flush();
        posts.flush();
        SignedInUser me = moderator();
        events.publishEvent(new ThreadModerated(t.getId(), t.getCommissionId(), action,
                me.personId() == null ? -1 : me.personId(), me.displayName(), t.getTitle(), postId, affected, reason));
        events.publishEvent(new DiscussionSignal(postId == null ? DiscussionSignal.Kind.THREAD_CHANGED
                : DiscussionSignal.Kind.POST_CHANGED, t.getCommissionId(), t.getId(), postId, null));
    }

    private SignedInUser moderator() {
        return currentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }
}
