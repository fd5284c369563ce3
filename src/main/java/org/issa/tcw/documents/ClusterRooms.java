package org.issa.tcw.documents;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.issa.tcw.cluster.LiveDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The co-editing rooms of one document on several nodes (ADR 100). Each node keeps the editors
 * connected to it; after storing updates it tells the other nodes which sequence numbers it
 * stored (they read the updates from the log and deliver them to their editors), and it passes on
 * its editors' presence and departures. On a single node ({@link LiveDelivery#reachesOtherNodes()}
 * false) it does nothing at all.
 */
@Component
class ClusterRooms {

    private static final Logger logger = LoggerFactory.getLogger(ClusterRooms.class);

    static final LiveDelivery.Channel<RoomSignal> ROOM = new LiveDelivery.Channel<>("documents.room", RoomSignal.class);
    /** Presence larger than this stays on its node (a cluster message must stay small). */
    static final int MAX_PRESENCE_CHARS = 4_000;

    private final LiveDelivery live;
    private final boolean active;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final Map<Long, LiveDelivery.Registration> listening = new ConcurrentHashMap<>();

    ClusterRooms(LiveDelivery live) {
        this.live = live;
        this.active = live.reachesOtherNodes();
    }

    boolean active() {
        return active;
    }

    /** A document got its first editor on this node: hear what the other nodes' editors do. */
    void opened(long documentId, BiConsumer<Long, RoomSignal> receiver) {
        if (!active) {
            return;
        }
        listening.computeIfAbsent(documentId, id -> {
            var signals = live.subscribe(ROOM, id, (RoomSignal s) -> {
                if (!node.equals(s.origin())) {
                    receiver.accept(id, s);
                }
            });
            // after a lost link, catch up from the log as for a stored update we did not hear of
            var resumes = live.onResume(() -> receiver.accept(id, RoomSignal.stored("", 0, Long.MAX_VALUE)));
            return () -> {
                signals.cancel();
                resumes.cancel();
            };
        });
    }

    /** The document's last editor on this node left. */
    void closed(long documentId) {
        LiveDelivery.Registration r = listening.remove(documentId);
        if (r != null) {
            r.cancel();
        }
    }

    /** This node stored updates {@code fromSeq..toSeq} of the document (committed). */
    void stored(long documentId, long fromSeq, long toSeq) {
        if (active) {
            send(documentId, RoomSignal.stored(node, fromSeq, toSeq));
        }
    }

    void presence(long documentId, long clientId, String awareness) {
        if (active && awareness.length() <= MAX_PRESENCE_CHARS) {
            send(documentId, RoomSignal.presence(node, clientId, awareness));
        }
    }

    void left(long documentId, List<Long> clientIds) {
        if (active && !clientIds.isEmpty()) {
            send(documentId, RoomSignal.left(node, clientIds));
        }
    }

    private void send(long documentId, RoomSignal signal) {
        try {
            live.publish(ROOM, documentId, signal);
        } catch (RuntimeException e) {
            // the update is stored and acknowledged all the same; the other nodes' editors repair
            // the gap from the log at their next update or join
            logger.warn("Could not tell the other nodes about document {} ({})", documentId, e.getMessage());
        }
    }
}
