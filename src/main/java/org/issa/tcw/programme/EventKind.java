package org.issa.tcw.programme;

/** The fixed events of the triennium calendar. */
public enum EventKind {
    TC_FORUM, REGIONAL_FORUM, WSSF, TECHNICAL_SEMINAR, BUREAU
}
