package org.issa.tcw.programme.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.issa.tcw.programme.ProjectStatus;
import org.springframework.data.domain.Pageable;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MilestoneRepository extends JpaRepository<Milestone, Long> {

    String FACTS = """
            select new org.issa.tcw.programme.domain.MilestoneFacts(m.id, m.project.id, m.title, m.dueDate,
              m.baselineDue, m.doneDate, m.cancelled, m.ownerPersonId, m.eventId, e.title, m.documentId, m.version,
              m.consultationLate)
            from Milestone m left join ProgrammeEvent e on e.id = m.eventId
            """;

    @Query(FACTS + " where m.project.id in :projectIds order by m.dueDate, m.id")
    List<MilestoneFacts> factsOfProjects(Collection<Long> projectIds);

    /** Open milestones of a triennium due between two days (inclusive), earliest first. */
    @Query(FACTS + """
            where m.project.trienniumId = :trienniumId and m.doneDate is null and m.cancelled = false
              and m.dueDate >= :from and m.dueDate <= :to
              and (:commissionId is null or m.project.commissionId = :commissionId)
              and (:priorityId is null or m.project.priorityId = :priorityId)
              and (:status is null or m.project.status = :status)
            order by m.dueDate, m.id
            """)
    List<MilestoneFacts> openDueBetween(long trienniumId, LocalDate from, LocalDate to, @Nullable Long commissionId,
            @Nullable Long priorityId, @Nullable ProjectStatus status, Pageable page);

    /** How many milestones {@link #openDueBetween} would list in all its pages. */
    @Query("""
            select count(m) from Milestone m
            where m.project.trienniumId = :trienniumId and m.doneDate is null and m.cancelled = false
              and m.dueDate >= :from and m.dueDate <= :to
              and (:commissionId is null or m.project.commissionId = :commissionId)
              and (:priorityId is null or m.project.priorityId = :priorityId)
              and (:status is null or m.project.status = :status)
            """)
    long countOpenDueBetween(long trienniumId, LocalDate from, LocalDate to, @Nullable Long commissionId,
            @Nullable Long priorityId, @Nullable ProjectStatus status);

    /** Open milestones of a person, due on or before a day (overdue ones included), earliest first (the home page). */
    @Query("""
            select new org.issa.tcw.programme.domain.OwnedMilestone(m.id, p.id, p.title, p.commissionId, m.title, m.dueDate)
            from Milestone m join m.project p
            where m.ownerPersonId = :personId and m.doneDate is null and m.cancelled = false and m.dueDate <= :to
            order by m.dueDate, m.id
            """)
    List<OwnedMilestone> openOwnedBy(long personId, LocalDate to, Pageable page);

    /** Projects of some commissions with open milestones due before a day, with how many (the chair's home page). */
    @Query("""
            select new org.issa.tcw.programme.domain.ProjectOverdue(p.id, p.title, p.commissionId, count(m))
            from Milestone m join m.project p
            where p.trienniumId = :trienniumId and p.commissionId in :commissionIds
              and m.doneDate is null and m.cancelled = false and m.dueDate < :today
            group by p.id, p.title, p.commissionId
            order by count(m) desc, p.id
            """)
    List<ProjectOverdue> overdueByProject(long trienniumId, java.util.Collection<Long> commissionIds, LocalDate today,
            Pageable page);

    /** Open milestones that became overdue and nobody was told yet. */
    @Query("select m from Milestone m join fetch m.project where m.doneDate is null and m.cancelled = false and m.dueDate < :today and m.overdueNotified = false")
    List<Milestone> newlyOverdue(LocalDate today);

    /** Open milestones due within the window that nobody was told about yet. */
    @Query("select m from Milestone m join fetch m.project where m.doneDate is null and m.cancelled = false and m.dueDate >= :today and m.dueDate <= :horizon and m.dueSoonNotified = false")
    List<Milestone> newlyDueSoon(LocalDate today, LocalDate horizon);

    @Query("select m from Milestone m join fetch m.project where m.id = :id")
    java.util.Optional<Milestone> withProject(long id);

    long countByEventId(long eventId);

    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("update Milestone m set m.overdueNotified = true where m.id in :ids")
    int markOverdueNotified(Collection<Long> ids);

    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("update Milestone m set m.dueSoonNotified = true where m.id in :ids")
    int markDueSoonNotified(Collection<Long> ids);

    /** The open milestones (not done, not cancelled) linked to a document, with their projects. */
    @Query("select m from Milestone m join fetch m.project where m.documentId = :documentId"
            + " and m.doneDate is null and m.cancelled = false")
    List<Milestone> openForDocument(long documentId);

    /** Marks or un-marks the milestones of a document "at risk" for its late consultation (ADR 065). */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("update Milestone m set m.consultationLate = :late where m.documentId = :documentId"
            + " and m.consultationLate <> :late")
    int markConsultationLate(long documentId, boolean late);

    /** The documents of milestones marked "at risk" for a late consultation. */
    @Query("select distinct m.documentId from Milestone m where m.consultationLate = true")
    List<Long> documentsWithLateConsultation();

    /** (document id, triennium id) of the projects whose milestones these documents deliver. */
    @Query("select distinct m.documentId, m.project.trienniumId from Milestone m where m.documentId in :documentIds")
    List<Object[]> trienniumsOfDocuments(Collection<Long> documentIds);

    /** The documents linked to milestones of the priority's projects. */
    @Query("select distinct m.documentId from Milestone m where m.project.priorityId = :priorityId"
            + " and m.documentId is not null")
    List<Long> documentsOfPriority(long priorityId);
}
