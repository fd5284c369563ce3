package org.issa.tcw.base;

/** Optimistic locking for edits that travel through a form: the form carries the version it saw. */
public final class Versions {

    private Versions() {
    }

    /**
     * Refuses the edit if the stored record changed since the form was filled.
     *
     * @throws ConcurrentEditException if {@code seen} differs from {@code current}
     */
    public static void requireUnchanged(long current, long seen) {
        if (current != seen) {
            throw new ConcurrentEditException();
        }
    }
}
