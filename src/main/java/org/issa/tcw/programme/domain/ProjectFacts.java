package org.issa.tcw.programme.domain;

import java.time.LocalDate;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.ProjectType;
import org.jspecify.annotations.Nullable;

/** A project's own columns, read in one statement for lists (no entity, no lazy collections). */
public record ProjectFacts(long id, long commissionId, long trienniumId, long priorityId, String title,
        ProjectType type, @Nullable Long leadPersonId, LocalDate startDate, LocalDate endDate, ProjectStatus status,
        @Nullable String statusNote, @Nullable LocalDate statusDate, @Nullable LocalDate baselineStart,
        @Nullable LocalDate baselineEnd, @Nullable Long carriedFromId, long version) {
}
