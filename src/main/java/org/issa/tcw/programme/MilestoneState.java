package org.issa.tcw.programme;

import java.util.Locale;

/**
 * Where a milestone stands on a given day, computed in one place ({@link MilestoneRow#state}) for
 * the badges, the timeline and the exports. {@link #key()} is the suffix of its translation
 * ({@code milestone.state.<key>}) and of its CSS class.
 */
public enum MilestoneState {
    OPEN, DUE_SOON, OVERDUE, DONE, CANCELLED,
    /** Open, and the consultation of its document is past its deadline without the chair ending it (ADR 065). */
    AT_RISK;

    /** How far ahead an open milestone counts as due soon. */
    public static final int DUE_SOON_DAYS = 90;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
