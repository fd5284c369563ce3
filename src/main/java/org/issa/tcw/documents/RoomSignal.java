package org.issa.tcw.documents;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one node tells the others about a document's open editors (ADR 100): updates stored
 * ({@code fromSeq..toSeq}, read by the receivers from the log), an editor's presence (a y-protocols
 * awareness update, relayed as is and never stored), or editors that closed the document.
 * {@code origin} is the sending node, which ignores its own signals.
 */
public record RoomSignal(String origin, Kind kind, long fromSeq, long toSeq, long clientId,
        @Nullable String awareness, List<Long> left) {

    public enum Kind {
        STORED, PRESENCE, LEFT
    }

    static RoomSignal stored(String origin, long fromSeq, long toSeq) {
        return new RoomSignal(origin, Kind.STORED, fromSeq, toSeq, 0, null, List.of());
    }

    static RoomSignal presence(String origin, long clientId, String awareness) {
        return new RoomSignal(origin, Kind.PRESENCE, 0, 0, clientId, awareness, List.of());
    }

    static RoomSignal left(String origin, List<Long> clientIds) {
        return new RoomSignal(origin, Kind.LEFT, 0, 0, 0, null, List.copyOf(clientIds));
    }
}
