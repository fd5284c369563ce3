package org.issa.tcw.programme;

/** PLANNED before it starts, ACTIVE while it runs (only one at a time), CLOSED by the World Social Security Forum. */
public enum TrienniumStatus {
    PLANNED, ACTIVE, CLOSED
}
