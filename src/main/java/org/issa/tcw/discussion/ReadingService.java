package org.issa.tcw.discussion;

import org.issa.tcw.discussion.domain.CommissionWatch;
import org.issa.tcw.discussion.domain.CommissionWatchRepository;
import org.issa.tcw.discussion.domain.DiscussionThreadRepository;
import org.issa.tcw.discussion.domain.ReadMarker;
import org.issa.tcw.discussion.domain.ReadMarkerRepository;
import org.issa.tcw.discussion.domain.ThreadWatch;
import org.issa.tcw.discussion.domain.ThreadWatchRepository;
import org.issa.tcw.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the reader has read and how closely they follow threads: read markers (unread counts,
 * "mark all read") and watch levels per thread and per commission. Anyone who may read a
 * commission's threads keeps their own.
 */
@Service
@Transactional(readOnly = true)
public class ReadingService {

    private final ReadMarkerRepository markers;
    private final ThreadWatchRepository threadWatches;
    private final CommissionWatchRepository commissionWatches;
    private final DiscussionThreadRepository threads;
    private final CurrentUser currentUser;

    ReadingService(ReadMarkerRepository markers, ThreadWatchRepository threadWatches,
            CommissionWatchRepository commissionWatches, DiscussionThreadRepository threads, CurrentUser currentUser) {
        this.markers = markers;
        this.threadWatches = threadWatches;
        this.commissionWatches = commissionWatches;
        this.threads = threads;
        this.currentUser = currentUser;
    }

    /** Records that the reader has seen the thread's posts up to sequence number {@code seq}. */
    @Transactional
    @PreAuthorize("@discussionAccess.mayInThread('READ', #threadId)")
    public void markRead(long threadId, long seq) {
        long me = reader();
        long last = threads.findById(threadId).map(t -> t.getLastSeq()).orElse(0L);
        long upTo = Math.min(seq, last);
        markers.findById(new ReadMarker.Key(threadId, me)).ifPresentOrElse(m -> m.readUpTo(upTo),
                () -> markers.save(new ReadMarker(threadId, me, upTo)));
    }

    /** Marks every thread of the commission read for the reader. */
    @Transactional
    @PreAuthorize("@commissionAccess.may('READ', #commissionId)")
    public void markAllRead(long commissionId) {
        long me = reader();
        markers.catchUpExisting(commissionId, me);
        markers.createMissing(commissionId, me);
    }

    /** Sets the reader's watch level for one thread. */
    @Transactional
    @PreAuthorize("@discussionAccess.mayInThread('READ', #threadId)")
    public void watch(long threadId, WatchLevel level) {
        long me = reader();
        threadWatches.findById(new ThreadWatch.Key(threadId, me)).ifPresentOrElse(w -> w.change(level),
                () -> threadWatches.save(new ThreadWatch(threadId, me, level)));
    }

    /** Sets the reader's watch level for the commission's threads that have no level of their own. */
    @Transactional
    @PreAuthorize("@commissionAccess.may('READ', #commissionId)")
    public void watchCommission(long commissionId, WatchLevel level) {
        long me = reader();
        commissionWatches.findById(new CommissionWatch.Key(commissionId, me)).ifPresentOrElse(w -> w.change(level),
                () -> commissionWatches.save(new CommissionWatch(commissionId, me, level)));
    }

    /** The reader's watch level for the commission (tracking unless they chose another). */
    @PreAuthorize("@commissionAccess.may('READ', #commissionId)")
    public WatchLevel commissionLevel(long commissionId) {
        return commissionWatches.findById(new CommissionWatch.Key(commissionId, reader()))
                .map(CommissionWatch::getLevel).orElse(WatchLevel.TRACKING);
    }

    private long reader() {
        Long id = currentUser.require().personId();
        if (id == null) {
            throw new AccessDeniedException("This account has no person record");
        }
        return id;
    }
}
