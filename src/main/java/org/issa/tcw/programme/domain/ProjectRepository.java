package org.issa.tcw.programme.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.issa.tcw.programme.ProjectStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProjectRepository extends JpaRepository<Project, Long> {

    String FACTS = """
            select new org.issa.tcw.programme.domain.ProjectFacts(p.id, p.commissionId, p.trienniumId, p.priorityId,
              p.title, p.type, p.leadPersonId, p.startDate, p.endDate, p.status, p.statusNote, p.statusDate,
              p.baselineStart, p.baselineEnd, p.carriedFromId, p.version)
            from Project p
            """;

    /** The projects a commission owns or takes part in, in one triennium. */
    @Query(FACTS + """
            where p.trienniumId = :trienniumId
              and (p.commissionId = :commissionId
                   or p.id in (select q.id from Project q join q.participatingCommissionIds c where c = :commissionId))
            order by p.startDate, p.title
            """)
    List<ProjectFacts> factsOfProgramme(long commissionId, long trienniumId);

    /** Projects of a triennium across commissions, filtered (null = any). */
    @Query(FACTS + """
            where p.trienniumId = :trienniumId
              and (:commissionId is null or p.commissionId = :commissionId)
              and (:priorityId is null or p.priorityId = :priorityId)
              and (:status is null or p.status = :status)
            order by p.commissionId, p.startDate, p.title
            """)
    List<ProjectFacts> factsOfTriennium(long trienniumId, @Nullable Long commissionId, @Nullable Long priorityId, @Nullable ProjectStatus status);

    @Query(FACTS + " where p.id in :ids")
    List<ProjectFacts> factsByIds(Collection<Long> ids);

    @Query(FACTS + " where p.id = :id")
    Optional<ProjectFacts> facts(long id);

    /** (project id, contributor person id) pairs. */
    @Query("select p.id, c from Project p join p.contributorIds c where p.id in :ids")
    List<Object[]> contributors(Collection<Long> ids);

    /** (project id, participating commission id) pairs. */
    @Query("select p.id, c from Project p join p.participatingCommissionIds c where p.id in :ids")
    List<Object[]> participants(Collection<Long> ids);

    @Query("select p from Project p left join fetch p.milestones where p.commissionId = :commissionId and p.trienniumId = :trienniumId")
    List<Project> ofProgramme(long commissionId, long trienniumId);

    @Query("select p.id from Project p where p.carriedFromId = :id")
    Optional<Long> carriedTo(long id);

    long countByPriorityId(long priorityId);

    long countByLeadPersonId(long personId);

    @Query("select count(p) from Project p join p.contributorIds c where c = :personId")
    long countContributions(long personId);

    @Query("select count(m) from Milestone m where m.ownerPersonId = :personId")
    long countOwnedMilestones(long personId);

    long countByCommissionId(long commissionId);

    long countByTrienniumId(long trienniumId);

    /** (commission id, status, count) of a triennium's projects. */
    @Query("""
            select p.commissionId, p.status, count(p) from Project p
            where p.trienniumId = :trienniumId
              and (:commissionId is null or p.commissionId = :commissionId)
              and (:priorityId is null or p.priorityId = :priorityId)
              and (:status is null or p.status = :status)
            group by p.commissionId, p.status
            """)
    List<Object[]> statusCounts(long trienniumId, @Nullable Long commissionId, @Nullable Long priorityId, @Nullable ProjectStatus status);

    /** (commission id, milestones, done, overdue, due within the window) of a triennium's projects. */
    @Query("""
            select p.commissionId, count(m),
              sum(case when m.doneDate is not null then 1 else 0 end),
              sum(case when m.doneDate is null and m.cancelled = false and m.dueDate < :today then 1 else 0 end),
              sum(case when m.doneDate is null and m.cancelled = false and m.dueDate >= :today and m.dueDate <= :horizon then 1 else 0 end)
            from Milestone m join m.project p
            where p.trienniumId = :trienniumId
              and (:commissionId is null or p.commissionId = :commissionId)
              and (:priorityId is null or p.priorityId = :priorityId)
              and (:status is null or p.status = :status)
              and m.cancelled = false
            group by p.commissionId
            """)
    List<Object[]> milestoneCounts(long trienniumId, @Nullable Long commissionId, @Nullable Long priorityId, @Nullable ProjectStatus status,
            LocalDate today, LocalDate horizon);
}
