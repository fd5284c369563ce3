package org.issa.tcw.search;

/** The date filter of a search: changed or due in the last 30 days, the last year, or before. */
public enum DateRange {
    MONTH, YEAR, OLDER
}
