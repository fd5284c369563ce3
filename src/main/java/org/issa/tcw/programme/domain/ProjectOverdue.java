package org.issa.tcw.programme.domain;

/** A project with how many of its open milestones are overdue (one grouped statement). */
public record ProjectOverdue(long projectId, String title, long commissionId, long overdue) {
}
