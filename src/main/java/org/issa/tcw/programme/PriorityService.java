package org.issa.tcw.programme;

import static org.issa.tcw.base.Checks.require;

import java.time.LocalDate;
import java.util.List;
import org.issa.tcw.base.Checks;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.base.StillInUseException;
import org.issa.tcw.base.Versions;
import org.issa.tcw.programme.domain.MilestoneRepository;
import org.issa.tcw.programme.domain.Priority;
import org.issa.tcw.programme.domain.PriorityRepository;
import org.issa.tcw.programme.domain.ProgrammeEvent;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat sets each triennium's programme priorities and its fixed events (TC Forum,
 * Regional Social Security Forums, WSSF). A closed triennium's priorities are history.
 */
@Service
@Transactional(readOnly = true)
public class PriorityService {

    private final PriorityRepository priorities;
    private final ProgrammeEventRepository events;
    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final TrienniumRepository trienniums;

    PriorityService(PriorityRepository priorities, ProgrammeEventRepository events, ProjectRepository projects,
            MilestoneRepository milestones, TrienniumRepository trienniums) {
        this.priorities = priorities;
        this.events = events;
        this.projects = projects;
        this.milestones = milestones;
        this.trienniums = trienniums;
    }

    /** The priorities of a triennium, in their order. */
    @PreAuthorize("isAuthenticated()")
    public List<PriorityRow> priorities(long trienniumId) {
        return priorities.findByTrienniumIdOrderBySortOrderAscIdAsc(trienniumId).stream()
                .map(ProgrammeService::row).toList();
    }

    /**
     * Adds a priority ({@code id} null) or changes one.
     *
     * @return its id
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public long savePriority(@Nullable Long id, long seenVersion, long trienniumId, @Nullable String title,
            @Nullable String description, @Nullable Integer sortOrder) {
        String name = Checks.requireName(title, 300, "priority.title");
        String about = Checks.optionalText(description, 2000, "priority.description");
        Triennium t = openTriennium(trienniumId);
        require(!priorities.existsByTrienniumIdAndTitleIgnoreCaseAndIdNot(t.getId(), name, id == null ? -1 : id),
                "priority.title.taken");
        int order = sortOrder == null ? (int) priorities.countByTrienniumId(trienniumId) + 1 : sortOrder;
        if (id == null) {
            return priorities.saveAndFlush(new Priority(t.getId(), order, name, about)).getId();
        }
        Priority p = priorities.findById(id).orElseThrow(NotFoundException::new);
        require(p.getTrienniumId() == trienniumId, "error.not-found");
        Versions.requireUnchanged(p.getVersion(), seenVersion);
        p.update(order, name, about);
        priorities.flush();
        return p.getId();
    }

    /** Deletes a priority no project is filed under. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void deletePriority(long id) {
        Priority p = priorities.findById(id).orElseThrow(NotFoundException::new);
        openTriennium(p.getTrienniumId());
        long count = projects.countByPriorityId(id);
        if (count > 0) {
            throw new StillInUseException("priority.delete.in-use", count);
        }
        priorities.delete(p);
    }

    /** The fixed events of a triennium, by date. */
    @PreAuthorize("isAuthenticated()")
    public List<EventRow> events(long trienniumId) {
        return events.findByTrienniumIdOrderByEventDateAsc(trienniumId).stream()
                .map(e -> new EventRow(e.getId(), e.getKind(), e.getTitle(), e.getEventDate())).toList();
    }

    /**
     * Adds a fixed event to a triennium (its date inside the triennium).
     *
     * @return its id
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public long addEvent(long trienniumId, @Nullable EventKind kind, @Nullable String title,
            @Nullable LocalDate date) {
        require(kind != null, "validation.required", new Checks.FieldName("event.kind"));
        String name = Checks.requireName(title, 200, "event.title");
        require(date != null, "validation.required", new Checks.FieldName("event.date"));
        Triennium t = openTriennium(trienniumId);
        require(date.getYear() >= t.getStartYear() && date.getYear() <= t.getEndYear(), "event.date.outside",
                t.getStartYear() + "–" + t.getEndYear());
        return events.saveAndFlush(new ProgrammeEvent(t.getId(), kind, name, date)).getId();
    }

    /** Deletes an event no milestone refers to. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
    public void deleteEvent(long id) {
        ProgrammeEvent e = events.findById(id).orElseThrow(NotFoundException::new);
        long count = milestones.countByEventId(id);
        if (count > 0) {
            throw new StillInUseException("event.delete.in-use", count);
        }
        events.delete(e);
    }

    private Triennium openTriennium(long id) {
        Triennium t = trienniums.findById(id).orElseThrow(NotFoundException::new);
        require(t.getStatus() != TrienniumStatus.CLOSED, "priority.triennium-closed");
        return t;
    }
}
