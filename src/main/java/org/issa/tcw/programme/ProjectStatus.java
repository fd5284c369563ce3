package org.issa.tcw.programme;

/** A project's RAG status, set by its lead with a dated note. */
public enum ProjectStatus {
    NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, COMPLETED, CANCELLED;

    /** Completed and cancelled projects are finished: they are not carried into the next triennium. */
    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
