package org.issa.tcw.documents.consultation;

/** A round is open until its deadline, then closed (once, by {@link RoundCloser}). */
public enum RoundState {
    OPEN, CLOSED
}
