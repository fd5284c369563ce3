package org.issa.tcw.discussion;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.issa.tcw.discussion.domain.CommissionWatch;
import org.issa.tcw.discussion.domain.CommissionWatchRepository;
import org.issa.tcw.discussion.domain.DiscussionThread;
import org.issa.tcw.discussion.domain.ReadMarker;
import org.issa.tcw.discussion.domain.ReadMarkerRepository;
import org.issa.tcw.discussion.domain.ThreadForReader;
import org.issa.tcw.discussion.domain.ThreadWatch;
import org.issa.tcw.discussion.domain.ThreadWatchRepository;
import org.issa.tcw.people.PersonSummary;
import org.springframework.stereotype.Component;

/**
 * Threads as the reader sees them: list rows with author names (one query per list), the watch
 * level that applies (the thread's own, else the reader's level for its commission) and the unread
 * count that follows from it; and a thread's page header with where the reader's unread posts
 * start. Package-private: {@link DiscussionService} checks who may read.
 */
@Component
class ThreadRows {

    private final CommissionWatchRepository commissionWatches;
    private final ThreadWatchRepository threadWatches;
    private final ReadMarkerRepository markers;
    private final PostViews views;

    ThreadRows(CommissionWatchRepository commissionWatches, ThreadWatchRepository threadWatches,
            ReadMarkerRepository markers, PostViews views) {
        this.commissionWatches = commissionWatches;
        this.threadWatches = threadWatches;
        this.markers = markers;
        this.views = views;
    }

    /** A thread's page header for the reader, with the rights the caller established. */
    ThreadDetails details(DiscussionThread t, long reader, boolean mayPost, boolean mayModerate) {
        long lastRead = markers.findById(new ReadMarker.Key(t.getId(), reader)).map(ReadMarker::getLastReadSeq)
                .orElse(0L);
        long firstUnread = lastRead < t.getLastSeq() ? lastRead + 1 : 0;
        WatchLevel level = threadWatches.findById(new ThreadWatch.Key(t.getId(), reader)).map(ThreadWatch::getLevel)
                .orElseGet(() -> commissionLevel(t.getCommissionId(), reader));
        return new ThreadDetails(t.getId(), t.getCommissionId(), t.getCommissionCode(), t.getTitle(),
                t.getAnchorType(), t.getAnchorId(), t.getAnchorLabel(), t.isPinned(), t.isLocked(), t.getLastSeq(),
                firstUnread, level, mayPost, mayModerate, reader, t.getVersion());
    }

    /** Rows of threads of one commission. */
    List<ThreadRow> ofCommission(List<ThreadForReader> found, long commissionId, long reader) {
        WatchLevel level = commissionLevel(commissionId, reader);
        return rows(found, c -> level);
    }

    /** Rows of threads of several commissions: each falls back to its own commission's level (one query). */
    List<ThreadRow> ofCommissions(List<ThreadForReader> found, long reader) {
        Collection<Long> commissionIds = found.stream().map(r -> r.thread().getCommissionId()).distinct().toList();
        Map<Long, WatchLevel> levels = new HashMap<>();
        commissionWatches.findByPersonIdAndCommissionIdIn(reader, List.copyOf(commissionIds))
                .forEach(w -> levels.put(w.getCommissionId(), w.getLevel()));
        return rows(found, c -> levels.getOrDefault(c, WatchLevel.TRACKING));
    }

    /** The reader's level for a commission, used by threads without their own. */
    WatchLevel commissionLevel(long commissionId, long reader) {
        return commissionWatches.findById(new CommissionWatch.Key(commissionId, reader))
                .map(CommissionWatch::getLevel).orElse(WatchLevel.TRACKING);
    }

    private List<ThreadRow> rows(List<ThreadForReader> found, Function<Long, WatchLevel> commissionLevel) {
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
}
