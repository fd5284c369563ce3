package org.issa.tcw.programme.domain;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.issa.tcw.base.search.SearchFields;
import org.issa.tcw.base.search.SearchKind;
import org.issa.tcw.base.search.SearchText;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.ProjectType;
import org.jspecify.annotations.Nullable;

/**
 * A project of a commission's work programme: one commission owns it, others may take part.
 * Guards its span (milestones fall inside it) and its status rules; every change is kept by
 * Hibernate Envers.
 */
@Entity
@Indexed
@SearchKind(value = "PROJECT", commissionScoped = true)
@Table(name = "project")
@Audited
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @GenericField(name = SearchFields.COMMISSION, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(name = "commission_id", nullable = false, updatable = false)
    private long commissionId;

    @GenericField(name = SearchFields.TRIENNIUM, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(name = "triennium_id", nullable = false, updatable = false)
    private long trienniumId;

    @Column(name = "priority_id", nullable = false)
    private long priorityId;

    @SearchText(SearchFields.TITLE)
    @Column(nullable = false)
    private String title;

    @SearchText(SearchFields.BODY)
    private @Nullable String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectType type;

    @Column(name = "lead_person_id")
    private @Nullable Long leadPersonId;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectStatus status = ProjectStatus.NOT_STARTED;

    @Column(name = "status_note")
    private @Nullable String statusNote;

    @Column(name = "status_date")
    private @Nullable LocalDate statusDate;

    @Column(name = "baseline_start")
    private @Nullable LocalDate baselineStart;

    @Column(name = "baseline_end")
    private @Nullable LocalDate baselineEnd;

    @Column(name = "carried_from_id", updatable = false)
    private @Nullable Long carriedFromId;

    @ElementCollection
    @CollectionTable(name = "project_contributor", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "person_id")
    private Set<Long> contributorIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "project_commission", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "commission_id")
    private Set<Long> participatingCommissionIds = new LinkedHashSet<>();

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("dueDate, id")
    @NotAudited
    private List<Milestone> milestones = new ArrayList<>();

    @Version
    @NotAudited
    private long version;

    protected Project() {
    }

    public Project(long commissionId, long trienniumId, long priorityId, String title, ProjectType type,
            LocalDate startDate, LocalDate endDate, @Nullable Long carriedFromId) {
        this.commissionId = commissionId;
        this.trienniumId = trienniumId;
        this.carriedFromId = carriedFromId;
        this.priorityId = priorityId;
        this.title = title.trim();
        this.type = type;
        reschedule(startDate, endDate);
    }

    /** Changes what the project is about and who works on it. */
    public void describe(long priorityId, String title, @Nullable String description, ProjectType type,
            @Nullable Long leadPersonId, Collection<Long> contributorIds, Collection<Long> participatingCommissionIds) {
        this.priorityId = priorityId;
        this.title = title.trim();
        this.description = description == null || description.isBlank() ? null : description.trim();
        this.type = type;
        this.leadPersonId = leadPersonId;
        this.contributorIds.clear();
        this.contributorIds.addAll(contributorIds);
        if (leadPersonId != null) {
            this.contributorIds.remove(leadPersonId);
        }
        this.participatingCommissionIds.clear();
        this.participatingCommissionIds.addAll(participatingCommissionIds);
        this.participatingCommissionIds.remove(commissionId);
    }

    /** Moves the project's span; every milestone must stay inside it. */
    public void reschedule(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new UserFacingException("project.span.invalid");
        }
        for (Milestone m : milestones) {
            if (m.getDueDate().isBefore(start) || m.getDueDate().isAfter(end)) {
                throw new UserFacingException("project.span.excludes-milestone", m.getTitle(), m.getDueDate());
            }
        }
        this.startDate = start;
        this.endDate = end;
    }

    /**
     * Sets the RAG status with a dated note; a project is completed only when each of its
     * milestones is done or cancelled.
     */
    public void changeStatus(ProjectStatus newStatus, @Nullable String note, LocalDate day) {
        if (newStatus == ProjectStatus.COMPLETED
                && milestones.stream().anyMatch(m -> !m.isCancelled() && m.getDoneDate() == null)) {
            throw new UserFacingException("project.complete.open-milestones");
        }
        this.status = newStatus;
        this.statusNote = note == null || note.isBlank() ? null : note.trim();
        this.statusDate = day;
    }

    /** Adds a milestone whose due date lies inside the project's span. */
    public Milestone addMilestone(String title, LocalDate due, @Nullable Long ownerPersonId, @Nullable Long eventId,
            @Nullable Long documentId) {
        requireInSpan(due);
        Milestone m = new Milestone(this, title, due, ownerPersonId, eventId, documentId);
        milestones.add(m);
        return m;
    }

    public void removeMilestone(Milestone milestone) {
        milestones.remove(milestone);
    }

    void requireInSpan(LocalDate due) {
        if (due.isBefore(startDate) || due.isAfter(endDate)) {
            throw new UserFacingException("milestone.due.outside-span", startDate, endDate);
        }
    }

    /** Keeps today's plan as the baseline (when the programme is approved). */
    public void takeBaseline() {
        this.baselineStart = startDate;
        this.baselineEnd = endDate;
        milestones.forEach(Milestone::takeBaseline);
    }

    public boolean involves(long personId) {
        return leadPersonId != null && leadPersonId == personId || contributorIds.contains(personId);
    }

    public Long getId() {
        return id;
    }

    public long getCommissionId() {
        return commissionId;
    }

    public long getTrienniumId() {
        return trienniumId;
    }

    public long getPriorityId() {
        return priorityId;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public ProjectType getType() {
        return type;
    }

    public @Nullable Long getLeadPersonId() {
        return leadPersonId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public ProjectStatus getStatus() {
        return status;
    }

    public @Nullable String getStatusNote() {
        return statusNote;
    }

    public @Nullable LocalDate getStatusDate() {
        return statusDate;
    }

    public @Nullable LocalDate getBaselineStart() {
        return baselineStart;
    }

    public @Nullable LocalDate getBaselineEnd() {
        return baselineEnd;
    }

    public @Nullable Long getCarriedFromId() {
        return carriedFromId;
    }

    public Set<Long> getContributorIds() {
        return Set.copyOf(contributorIds);
    }

    public Set<Long> getParticipatingCommissionIds() {
        return Set.copyOf(participatingCommissionIds);
    }

    public List<Milestone> getMilestones() {
        return List.copyOf(milestones);
    }

    public long getVersion() {
        return version;
    }

    /** The date search sorts and filters by: the start, as the first instant of that day in UTC. */
    @GenericField(name = SearchFields.DATE, sortable = Sortable.YES, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "startDate")))
    public java.time.Instant getSearchDate() {
        return startDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
}
