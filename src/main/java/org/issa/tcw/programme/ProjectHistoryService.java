package org.issa.tcw.programme;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.people.PersonSummary;
import org.issa.tcw.programme.ProjectChange.FieldChange;
import org.issa.tcw.programme.domain.Milestone;
import org.issa.tcw.programme.domain.PriorityRepository;
import org.issa.tcw.programme.domain.ProgrammeRevision;
import org.issa.tcw.programme.domain.Project;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's full change history from Hibernate Envers: every revision of the project and of its
 * milestones (deleted ones included), newest first, as field-by-field differences with people and
 * priorities shown by name.
 */
@Service
@Transactional(readOnly = true)
public class ProjectHistoryService {

    private static final Map<String, Function<Project, Object>> PROJECT_FIELDS = new LinkedHashMap<>();
    private static final Map<String, Function<Milestone, Object>> MILESTONE_FIELDS = new LinkedHashMap<>();

    static {
        PROJECT_FIELDS.put("title", Project::getTitle);
        PROJECT_FIELDS.put("description", Project::getDescription);
        PROJECT_FIELDS.put("type", Project::getType);
        PROJECT_FIELDS.put("priority", Project::getPriorityId);
        PROJECT_FIELDS.put("lead", Project::getLeadPersonId);
        PROJECT_FIELDS.put("contributors", p -> new TreeSet<>(p.getContributorIds()));
        PROJECT_FIELDS.put("start", Project::getStartDate);
        PROJECT_FIELDS.put("end", Project::getEndDate);
        PROJECT_FIELDS.put("status", Project::getStatus);
        PROJECT_FIELDS.put("status-note", Project::getStatusNote);
        PROJECT_FIELDS.put("baseline-end", Project::getBaselineEnd);
        MILESTONE_FIELDS.put("title", Milestone::getTitle);
        MILESTONE_FIELDS.put("due", Milestone::getDueDate);
        MILESTONE_FIELDS.put("owner", Milestone::getOwnerPersonId);
        MILESTONE_FIELDS.put("done", Milestone::getDoneDate);
        MILESTONE_FIELDS.put("cancelled", Milestone::isCancelled);
        MILESTONE_FIELDS.put("document", Milestone::getDocumentId);
        MILESTONE_FIELDS.put("baseline-due", Milestone::getBaselineDue);
    }

    private final EntityManager entityManager;
    private final PersonService people;
    private final PriorityRepository priorities;

    ProjectHistoryService(EntityManager entityManager, PersonService people, PriorityRepository priorities) {
        this.entityManager = entityManager;
        this.people = people;
        this.priorities = priorities;
    }

    /** Every change to the project and its milestones, newest first. */
    @PreAuthorize("@programmeAccess.mayRead(#projectId)")
    @SuppressWarnings("unchecked")
    public List<ProjectChange> history(long projectId) {
        AuditReader reader = AuditReaderFactory.get(entityManager);
        List<Object[]> projectRevisions = reader.createQuery().forRevisionsOfEntity(Project.class, false, true)
                .add(AuditEntity.id().eq(projectId)).addOrder(AuditEntity.revisionNumber().asc()).getResultList();
        List<Object[]> milestoneRevisions = reader.createQuery().forRevisionsOfEntity(Milestone.class, false, true)
                .add(AuditEntity.relatedId("project").eq(projectId)).addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Set<Long> personIds = new HashSet<>();
        for (Object[] r : projectRevisions) {
            Project p = (Project) r[0];
            if (p.getLeadPersonId() != null) {
                personIds.add(p.getLeadPersonId());
            }
            personIds.addAll(p.getContributorIds());
        }
        for (Object[] r : milestoneRevisions) {
            Milestone m = (Milestone) r[0];
            if (m.getOwnerPersonId() != null) {
                personIds.add(m.getOwnerPersonId());
            }
        }
        Map<Long, PersonSummary> names = people.summaries(personIds);
        Map<Long, String> priorityTitles = new HashMap<>();
        priorities.findAll().forEach(p -> priorityTitles.put(p.getId(), p.getTitle()));
        Function<Object, String> personText = id -> {
            PersonSummary person = id == null ? null : names.get((Long) id);
            return id == null ? "" : person != null ? person.displayName() : "#" + id;
        };

        List<ProjectChange> changes = new ArrayList<>();
        Project previous = null;
        for (Object[] r : projectRevisions) {
            Project p = (Project) r[0];
            ProgrammeRevision rev = (ProgrammeRevision) r[1];
            RevisionType type = (RevisionType) r[2];
            List<FieldChange> fields = new ArrayList<>();
            if (type != RevisionType.DEL) {
                for (var f : PROJECT_FIELDS.entrySet()) {
                    Object before = previous == null ? null : f.getValue().apply(previous);
                    Object after = f.getValue().apply(p);
                    if (!Objects.equals(before, after)) {
                        fields.add(new FieldChange(f.getKey(), text(f.getKey(), before, personText, priorityTitles),
                                text(f.getKey(), after, personText, priorityTitles)));
                    }
                }
            }
            if (type != RevisionType.MOD || !fields.isEmpty()) {
                changes.add(new ProjectChange(rev.getId(), Instant.ofEpochMilli(rev.getTimestamp()), rev.getUsername(),
                        "project", type.name(), fields));
            }
            previous = type == RevisionType.DEL ? previous : p;
        }
        Map<Long, Milestone> lastOf = new HashMap<>();
        for (Object[] r : milestoneRevisions) {
            Milestone m = (Milestone) r[0];
            ProgrammeRevision rev = (ProgrammeRevision) r[1];
            RevisionType type = (RevisionType) r[2];
            Milestone before = lastOf.get(m.getId());
            List<FieldChange> fields = new ArrayList<>();
            if (type != RevisionType.DEL) {
                for (var f : MILESTONE_FIELDS.entrySet()) {
                    Object b = before == null ? null : f.getValue().apply(before);
                    Object a = f.getValue().apply(m);
                    if (!Objects.equals(b, a)) {
                        fields.add(new FieldChange(f.getKey(), text(f.getKey(), b, personText, priorityTitles),
                                text(f.getKey(), a, personText, priorityTitles)));
                    }
                }
            }
            String subject = type == RevisionType.DEL && before != null ? before.getTitle() : m.getTitle();
            if (type != RevisionType.MOD || !fields.isEmpty()) {
                changes.add(new ProjectChange(rev.getId(), Instant.ofEpochMilli(rev.getTimestamp()), rev.getUsername(),
                        subject == null ? "" : subject, type.name(), fields));
            }
            if (type != RevisionType.DEL) {
                lastOf.put(m.getId(), m);
            }
        }
        changes.sort(Comparator.comparingLong(ProjectChange::revision).reversed());
        return changes;
    }

    private static String text(String field, @Nullable Object value, Function<Object, String> personText,
            Map<Long, String> priorityTitles) {
        if (value == null) {
            return "";
        }
        return switch (field) {
            case "lead", "owner" -> personText.apply(value);
            case "contributors" -> ((Set<?>) value).stream().map(personText).sorted().reduce((a, b) -> a + ", " + b)
                    .orElse("");
            case "priority" -> priorityTitles.getOrDefault((Long) value, "#" + value);
            default -> String.valueOf(value);
        };
    }
}
