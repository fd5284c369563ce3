package org.issa.tcw.documents;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * The per-document lock of this node, striped so that memory does not grow with the number of
 * documents. Appending (store + broadcast), joining (read + subscribe) and replacing the compacted
 * state each hold it, so a joiner never sees a state and a log from two different moments, and
 * every editor receives the updates in sequence order.
 */
@Component
class DocumentLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[256];

    DocumentLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(long documentId) {
        return stripes[(int) Math.floorMod(documentId * 0x9E3779B97F4A7C15L >>> 32, (long) stripes.length)];
    }
}
