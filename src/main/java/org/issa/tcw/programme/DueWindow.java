package org.issa.tcw.programme;

/** The two milestone lists of the secretariat dashboard. */
public enum DueWindow {
    /** Open milestones whose due date has passed. */
    OVERDUE,
    /** Open milestones due from today to {@link SecretariatService#DUE_SOON_DAYS} days ahead. */
    DUE_SOON
}
