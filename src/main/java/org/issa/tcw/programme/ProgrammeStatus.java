package org.issa.tcw.programme;

/** A commission's work programme for a triennium: drafted by the chair, approved by the secretariat. */
public enum ProgrammeStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED
}
