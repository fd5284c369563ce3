package org.issa.tcw.programme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.issa.tcw.base.UserFacingException;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.CommissionSummary;
import org.issa.tcw.documents.workflow.DocumentStage;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.programme.domain.MilestoneFacts;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.issa.tcw.programme.domain.ProjectFacts;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the project nodes of the programme tree and the timeline from a fixed number of
 * statements, however many projects and milestones there are: the projects' columns, their
 * contributors, their participating commissions, their milestones (with event titles), the names
 * of the people and the commission codes — six statements.
 */
@Component
class ProgrammeQueries {

    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final PersonService people;
    private final CommissionService commissions;

    ProgrammeQueries(ProjectRepository projects, MilestoneRepository milestones, PersonService people,
            CommissionService commissions) {
        this.projects = projects;
        this.milestones = milestones;
        this.people = people;
        this.commissions = commissions;
    }

    /**
     * Project nodes with their milestones, in the order given.
     *
     * @param mayUpdate decides per project (with its facts and contributors) whether the user may update it
     */
    List<ProjectNode> nodes(List<ProjectFacts> facts, Predicate<ProjectFactsWithPeople> mayUpdate) {
        if (facts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = facts.stream().map(ProjectFacts::id).toList();
        Map<Long, Set<Long>> contributors = pairs(projects.contributors(ids));
        Map<Long, Set<Long>> participants = pairs(projects.participants(ids));
        List<MilestoneFacts> ms = ids.size() > 2000 ? chunked(ids) : milestones.factsOfProjects(ids);
        Set<Long> personIds = new HashSet<>();
        facts.forEach(f -> {
            if (f.leadPersonId() != null) {
                personIds.add(f.leadPersonId());
            }
        });
        ms.forEach(m -> {
            if (m.ownerPersonId() != null) {
                personIds.add(m.ownerPersonId());
            }
        });
        Map<Long, PersonSummary> names = people.summaries(personIds);
        Map<Long, String> codes = codes();
        Map<Long, List<MilestoneRow>> byProject = new HashMap<>();
        for (MilestoneFacts m : ms) {
            byProject.computeIfAbsent(m.projectId(), k -> new ArrayList<>()).add(row(m, names));
        }
        List<ProjectNode> result = new ArrayList<>(facts.size());
        for (ProjectFacts f : facts) {
            Set<Long> contributorIds = contributors.getOrDefault(f.id(), Set.of());
            Set<Long> participantIds = participants.getOrDefault(f.id(), Set.of());
            result.add(new ProjectNode(f.id(), f.commissionId(), codes.getOrDefault(f.commissionId(), "?"),
                    f.priorityId(), f.title(), f.type(), name(names, f.leadPersonId()), f.startDate(), f.endDate(),
                    f.baselineStart(), f.baselineEnd(), f.status(), f.statusNote(), f.statusDate(),
                    !participantIds.isEmpty(), mayUpdate.test(new ProjectFactsWithPeople(f, contributorIds)),
                    f.carriedFromId(), byProject.getOrDefault(f.id(), List.of())));
        }
        return result;
    }

    private List<MilestoneFacts> chunked(List<Long> ids) {
        List<MilestoneFacts> all = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 2000) {
            all.addAll(milestones.factsOfProjects(ids.subList(i, Math.min(ids.size(), i + 2000))));
        }
        return all;
    }

    /** Commission id → code of every active commission (one statement). */
    Map<Long, String> codes() {
        Map<Long, String> codes = new HashMap<>();
        for (CommissionSummary c : commissions.activeCommissions()) {
            codes.put(c.id(), c.code());
        }
        return codes;
    }

    static MilestoneRow row(MilestoneFacts m, Map<Long, PersonSummary> names) {
        return new MilestoneRow(m.id(), m.projectId(), m.title(), m.dueDate(), m.baselineDue(), m.doneDate(),
                m.cancelled(), m.ownerPersonId(), name(names, m.ownerPersonId()), m.eventId(), m.eventTitle(),
                m.documentId(), m.version(), DocumentStage.APPROVED, false, null, m.consultationLate());
    }

    static @Nullable String name(Map<Long, PersonSummary> names, @Nullable Long id) {
        if (id == null) {
            return null;
        }
        PersonSummary p = names.get(id);
        return p == null ? null : p.displayName();
    }

    private static Map<Long, Set<Long>> pairs(Collection<Object[]> rows) {
        Map<Long, Set<Long>> map = new HashMap<>();
        for (Object[] row : rows) {
            map.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((Long) row[1]);
        }
        return map;
    }

    static TrienniumRow row(Triennium t) {
        return new TrienniumRow(t.getId(), t.getStartYear(), t.getEndYear(), t.getStatus(), t.getVersion());
    }

    /** A project's facts with its contributors, for deciding who may update it. */
    record ProjectFactsWithPeople(ProjectFacts facts, Set<Long> contributorIds) {
        boolean involves(long personId) {
            return facts.leadPersonId() != null && facts.leadPersonId() == personId
                    || contributorIds.contains(personId);
        }
    }

    /** Refuses a change in a closed triennium. */
    static void requireOpen(Triennium t) {
        if (t.getStatus() == TrienniumStatus.CLOSED) {
            throw new UserFacingException("programme.triennium-closed", t.getStartYear() + "–" + t.getEndYear());
        }
    }
}
