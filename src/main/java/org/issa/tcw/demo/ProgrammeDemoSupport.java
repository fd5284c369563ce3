package org.issa.tcw.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.domain.Commission;
import org.issa.tcw.commission.domain.CommissionRepository;
import org.issa.tcw.commission.domain.Membership;
import org.issa.tcw.commission.domain.MembershipRepository;
import org.issa.tcw.people.domain.PersonRepository;
import org.issa.tcw.programme.EventKind;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.ProjectType;
import org.issa.tcw.programme.domain.Milestone;
import org.issa.tcw.programme.domain.Priority;
import org.issa.tcw.programme.domain.PriorityRepository;
import org.issa.tcw.programme.domain.ProgrammeEvent;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.StatusChange;
import org.issa.tcw.programme.domain.StatusChangeRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.jspecify.annotations.Nullable;

/**
 * What the demo work programmes are made of ({@link ProgrammeDemoData}, {@link OtherProgrammesDemoData}):
 * a triennium's priorities and fixed events, projects with milestones and status histories, and
 * look-ups of commissions, people and memberships. Used inside the demo data's transaction.
 */
final class ProgrammeDemoSupport {

    private static final String[][] PRIORITIES = {
        {"Transformation and innovation in service delivery",
            "Digital, proactive and people-centred services; data and artificial intelligence used responsibly."},
        {"Coverage for a diverse workforce",
            "Extending coverage to self-employed, platform, migrant and informal-economy workers."},
        {"Protecting people through the life course",
            "Benefits and services that follow people from childhood to old age, including care."},
        {"Resilience and sustainability",
            "Financial sustainability, preparedness for crises, cybersecurity and climate risks."},
    };

    private final PriorityRepository priorities;
    private final ProgrammeEventRepository events;
    private final ProjectRepository projects;
    private final StatusChangeRepository statusChanges;
    private final CommissionRepository commissions;
    private final MembershipRepository memberships;
    private final PersonRepository people;

    ProgrammeDemoSupport(PriorityRepository priorities, ProgrammeEventRepository events, ProjectRepository projects,
            StatusChangeRepository statusChanges, CommissionRepository commissions, MembershipRepository memberships,
            PersonRepository people) {
        this.priorities = priorities;
        this.events = events;
        this.projects = projects;
        this.statusChanges = statusChanges;
        this.commissions = commissions;
        this.memberships = memberships;
        this.people = people;
    }

    List<Priority> priorities(Triennium t) {
        List<Priority> list = new ArrayList<>();
        for (int i = 0; i < PRIORITIES.length; i++) {
            list.add(priorities.save(new Priority(t.getId(), i + 1, PRIORITIES[i][0], PRIORITIES[i][1])));
        }
        return list;
    }

    Map<String, ProgrammeEvent> events(Triennium t) {
        int y = t.getStartYear();
        Map<String, ProgrammeEvent> map = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            map.put("forum" + (i + 1), events.save(new ProgrammeEvent(t.getId(), EventKind.TC_FORUM,
                    "Technical Commissions Forum " + (y + i), juneTuesday(y + i))));
            map.put("bureau" + (i + 1), events.save(new ProgrammeEvent(t.getId(), EventKind.BUREAU,
                    "Bureau meeting " + (y + i), juneTuesday(y + i).plusDays(9))));
        }
        map.put("rssf-africa", events.save(new ProgrammeEvent(t.getId(), EventKind.REGIONAL_FORUM,
                "Regional Social Security Forum for Africa", LocalDate.of(y, 10, 20))));
        map.put("rssf-asia", events.save(new ProgrammeEvent(t.getId(), EventKind.REGIONAL_FORUM,
                "Regional Social Security Forum for Asia and the Pacific", LocalDate.of(y + 1, 3, 9))));
        map.put("rssf-americas", events.save(new ProgrammeEvent(t.getId(), EventKind.REGIONAL_FORUM,
                "Regional Social Security Forum for the Americas", LocalDate.of(y + 1, 4, 27))));
        map.put("rssf-europe", events.save(new ProgrammeEvent(t.getId(), EventKind.REGIONAL_FORUM,
                "Regional Social Security Forum for Europe", LocalDate.of(y + 1, 9, 28))));
        map.put("seminar", events.save(new ProgrammeEvent(t.getId(), EventKind.TECHNICAL_SEMINAR,
                "Technical Seminar on digital inclusion", LocalDate.of(y + 1, 11, 17))));
        map.put("wssf", events.save(new ProgrammeEvent(t.getId(), EventKind.WSSF,
                "World Social Security Forum " + (y + 2), LocalDate.of(y + 2, 10, 16))));
        return map;
    }

    static LocalDate juneTuesday(int year) {
        LocalDate d = LocalDate.of(year, 6, 8);
        while (d.getDayOfWeek() != java.time.DayOfWeek.TUESDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    Project project(long commissionId, Triennium t, Priority priority, String title, ProjectType type,
            long lead, List<Long> contributors, LocalDate start, LocalDate end) {
        Project p = new Project(commissionId, t.getId(), priority.getId(), title, type, start, end, null);
        p.describe(priority.getId(), title, null, type, lead, contributors, List.of());
        return projects.save(p);
    }

    static Milestone milestone(Project p, String title, LocalDate due, @Nullable Long owner,
            @Nullable ProgrammeEvent event, @Nullable LocalDate done) {
        Milestone m = p.addMilestone(title, due, owner, event == null ? null : event.getId(), null);
        if (done != null) {
            m.complete(done);
        }
        return m;
    }

    void status(Project p, ProjectStatus status, @Nullable String note, LocalDate day, String by) {
        p.changeStatus(status, note, day);
        projects.flush();
        statusChanges.save(new StatusChange(p.getId(), ProjectStatus.NOT_STARTED, null, p.getStartDate(),
                instant(p.getStartDate()), by));
        statusChanges.save(new StatusChange(p.getId(), status, note, day, instant(day), by));
    }

    static LocalDate clamp(LocalDate day, Project p) {
        return day.isBefore(p.getStartDate()) ? p.getStartDate() : day.isAfter(p.getEndDate()) ? p.getEndDate() : day;
    }

    static Instant instant(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    long code(String code) {
        return commissions.findByCode(code).map(Commission::getId).orElseThrow();
    }

    long person(String username) {
        return people.findByUsernameWithInstitution(username).orElseThrow().getId();
    }

    List<Long> members(long commissionId, CommissionRole... roles) {
        Set<CommissionRole> wanted = Set.of(roles);
        List<Long> result = new ArrayList<>();
        for (Membership m : memberships.openOfCommission(commissionId)) {
            if (wanted.contains(m.getRole()) && !result.contains(m.getPersonId())) {
                result.add(m.getPersonId());
            }
        }
        // the demo accounts' own projects are chosen explicitly above
        result.removeAll(List.of(person("member-ict"), person("member-fam"), person("chair-ict")));
        return result;
    }

    static List<Long> first(List<Long> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }

    static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> result = new ArrayList<>(a);
        b.stream().filter(x -> !result.contains(x)).forEach(result::add);
        return result;
    }

    static ProgrammeEvent event(Map<String, ProgrammeEvent> events, String key) {
        return Objects.requireNonNull(events.get(key), key);
    }
}
