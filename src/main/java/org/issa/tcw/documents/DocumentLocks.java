package org.issa.tcw.documents;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
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

    /** Runs {@code work} holding the document's lock. */
    void run(long documentId, Runnable work) {
        call(documentId, () -> {
            work.run();
            return null;
        });
    }

    /** Returns what {@code work} returns, computed holding the document's lock. */
    <T> T call(long documentId, Supplier<T> work) {
        ReentrantLock lock = of(documentId);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
