package org.issa.tcw.demo;

import java.time.Clock;
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
import org.issa.tcw.programme.TrienniumStatus;
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
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.issa.tcw.programme.domain.WorkProgramme;
import org.issa.tcw.programme.domain.WorkProgrammeRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo work programmes: the priorities and fixed events of 2023–2025 (closed) and 2026–2028
 * (active), a realistic programme for ICT and FAM and smaller ones for other commissions, with
 * milestones overdue and due soon relative to today's clock, status histories, an approved ICT
 * programme whose dates moved since (plan vs now), a submitted and a returned programme, and an
 * unfinished 2023–2025 project waiting to be carried over. Runs only on an empty programme.
 */
@Component
@Profile("demo")
@Order(30)
class ProgrammeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeDemoData.class);

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

    private final TrienniumRepository trienniums;
    private final PriorityRepository priorities;
    private final ProgrammeEventRepository events;
    private final ProjectRepository projects;
    private final StatusChangeRepository statusChanges;
    private final WorkProgrammeRepository programmes;
    private final CommissionRepository commissions;
    private final MembershipRepository memberships;
    private final PersonRepository people;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProgrammeDemoData(TrienniumRepository trienniums, PriorityRepository priorities, ProgrammeEventRepository events,
            ProjectRepository projects, StatusChangeRepository statusChanges, WorkProgrammeRepository programmes,
            CommissionRepository commissions, MembershipRepository memberships, PersonRepository people,
            PlatformTransactionManager transactions, Clock clock) {
        this.trienniums = trienniums;
        this.priorities = priorities;
        this.events = events;
        this.projects = projects;
        this.statusChanges = statusChanges;
        this.programmes = programmes;
        this.commissions = commissions;
        this.memberships = memberships;
        this.people = people;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (priorities.count() > 0 || trienniums.count() == 0) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> ids = new HashMap<>();
        tx.executeWithoutResult(s -> create(today, ids));
        // A second and a third transaction, so that the change history shows real edits after approval.
        tx.executeWithoutResult(s -> reviseAfterApproval(today, ids));
        log.info("Programme demo data created in {} ms: {} projects", (System.nanoTime() - started) / 1_000_000,
                projects.count());
    }

    private void create(LocalDate today, Map<String, Long> ids) {
        Triennium previous = trienniums.findAllByOrderByStartYearDesc().stream()
                .filter(t -> t.getStatus() == TrienniumStatus.CLOSED).findFirst().orElse(null);
        Triennium current = trienniums.findByStatus(TrienniumStatus.ACTIVE).orElse(null);
        if (current == null) {
            return;
        }
        List<Priority> now = priorities(current);
        Map<String, ProgrammeEvent> ev = events(current);
        long ict = code("ICT");
        long fam = code("FAM");
        long chairIct = person("chair-ict");
        long memberIct = person("member-ict");
        long memberFam = person("member-fam");
        List<Long> ictOthers = members(ict, CommissionRole.VICE_CHAIR, CommissionRole.MEMBER);
        List<Long> famOthers = members(fam, CommissionRole.CHAIR, CommissionRole.VICE_CHAIR, CommissionRole.MEMBER);
        int y = current.getStartYear();

        if (previous != null) {
            List<Priority> before = priorities(previous);
            Map<String, ProgrammeEvent> evBefore = events(previous);
            Project done = project(ict, previous, before.get(0), "ICT Guidelines: consultation and publication",
                    ProjectType.GUIDELINE, chairIct, List.of(memberIct), LocalDate.of(2023, 1, 15),
                    LocalDate.of(2025, 10, 31));
            milestone(done, "Revised draft at the TC Forum", LocalDate.of(2024, 6, 12), chairIct,
                    evBefore.get("forum2"), LocalDate.of(2024, 6, 12));
            milestone(done, "Publication in the four working languages", LocalDate.of(2025, 9, 30), memberIct, null,
                    LocalDate.of(2025, 9, 22));
            status(done, ProjectStatus.COMPLETED, "Published before the World Social Security Forum.",
                    LocalDate.of(2025, 10, 1), "Mariana Costa");
            Project mobile = project(ict, previous, before.get(1), "Mobile service channels: survey of members",
                    ProjectType.SURVEY, chairIct, List.of(), LocalDate.of(2024, 2, 1), LocalDate.of(2025, 12, 31));
            milestone(mobile, "Questionnaire sent to members", LocalDate.of(2024, 5, 31), chairIct, null,
                    LocalDate.of(2024, 6, 10));
            milestone(mobile, "Survey report", LocalDate.of(2025, 11, 30), chairIct, null, null);
            status(mobile, ProjectStatus.OFF_TRACK, "Too few answers; the report slips into the next triennium.",
                    LocalDate.of(2025, 9, 15), "Mariana Costa");
            ids.put("mobile", mobile.getId());
            Project cloud = project(ict, previous, before.get(3), "Cloud adoption in social security institutions",
                    ProjectType.TECHNICAL_REPORT, memberIct, List.of(chairIct), LocalDate.of(2024, 3, 1),
                    LocalDate.of(2025, 12, 15));
            milestone(cloud, "Case studies collected", LocalDate.of(2024, 12, 15), memberIct, null,
                    LocalDate.of(2025, 1, 20));
            milestone(cloud, "Final report", LocalDate.of(2025, 12, 15), memberIct, null, null);
            status(cloud, ProjectStatus.AT_RISK, "Final report carried into 2026–2028.", LocalDate.of(2025, 10, 20),
                    "David Okafor");
            ids.put("cloudOld", cloud.getId());
            Project famOld = project(fam, previous, before.get(2), "Child benefits and the cost-of-living crisis",
                    ProjectType.TECHNICAL_REPORT, memberFam, famOthers.subList(0, 1), LocalDate.of(2023, 3, 1),
                    LocalDate.of(2024, 12, 31));
            milestone(famOld, "Report presented at the TC Forum", LocalDate.of(2024, 6, 12), memberFam,
                    evBefore.get("forum2"), LocalDate.of(2024, 6, 12));
            status(famOld, ProjectStatus.COMPLETED, null, LocalDate.of(2024, 12, 1), "Jonas Becker");
            for (long c : List.of(ict, fam)) {
                WorkProgramme wp = new WorkProgramme(c, previous.getId());
                wp.submit(instant(LocalDate.of(2023, 2, 20)), c == ict ? "Mariana Costa" : "FAM chair");
                wp.approve(instant(LocalDate.of(2023, 3, 10)), "Claire Dubois");
                programmes.save(wp);
            }
        }

        // ICT 2026–2028
        Project guideline = project(ict, current, now.get(0),
                "ISSA Guidelines on Information and Communication Technology: 2027 revision", ProjectType.GUIDELINE,
                chairIct, concat(List.of(memberIct), first(ictOthers, 2)), LocalDate.of(y, 1, 15),
                LocalDate.of(y + 2, 10, 31));
        guideline.describe(now.get(0).getId(), guideline.getTitle(),
                "Revise the ICT Guidelines with chapters on artificial intelligence, digital identity and data governance.",
                ProjectType.GUIDELINE, chairIct, concat(List.of(memberIct), first(ictOthers, 2)), List.of());
        milestone(guideline, "Revision plan and chapter owners agreed", LocalDate.of(y, 3, 31), chairIct, null,
                LocalDate.of(y, 3, 28));
        milestone(guideline, "First draft discussed at the TC Forum", event(ev, "forum2").getEventDate(), chairIct,
                event(ev, "forum2"), null);
        milestone(guideline, "Consultation of the members (one month)", LocalDate.of(y + 1, 10, 31), memberIct, null,
                null);
        milestone(guideline, "Approval by the commission chairs", LocalDate.of(y + 2, 4, 30), chairIct, null, null);
        milestone(guideline, "Presentation at the World Social Security Forum", event(ev, "wssf").getEventDate(),
                chairIct, event(ev, "wssf"), null);
        status(guideline, ProjectStatus.ON_TRACK, "Chapter owners confirmed; drafting has started.",
                LocalDate.of(y, 4, 2), "Mariana Costa");
        ids.put("guideline", guideline.getId());

        Project ai = project(ict, current, now.get(0), "Artificial intelligence in social security administration",
                ProjectType.TECHNICAL_REPORT, memberIct, first(ictOthers, 1), LocalDate.of(y, 3, 1),
                LocalDate.of(y + 1, 12, 31));
        milestone(ai, "Questionnaire to member institutions", LocalDate.of(y, 5, 15), memberIct, null,
                LocalDate.of(y, 5, 20));
        milestone(ai, "Survey results analysed", clamp(today.minusDays(20), ai), memberIct, null, null);
        milestone(ai, "Draft report to the commission", clamp(today.plusDays(10), ai), memberIct, null, null);
        milestone(ai, "Webinar on responsible AI", clamp(today.plusDays(45), ai), first(ictOthers, 1).get(0), null,
                null);
        milestone(ai, "Report presented at the TC Forum", event(ev, "forum2").getEventDate(), memberIct, event(ev, "forum2"),
                null);
        status(ai, ProjectStatus.ON_TRACK, null, LocalDate.of(y, 3, 1), "Mariana Costa");
        ids.put("ai", ai.getId());

        Project cyber = project(ict, current, now.get(3), "Cybersecurity in social security: good practices",
                ProjectType.GOOD_PRACTICE, chairIct, List.of(memberIct), LocalDate.of(y, 2, 1),
                LocalDate.of(y + 1, 9, 30));
        cyber.describe(now.get(3).getId(), cyber.getTitle(),
                "A collection of good practices on incident response and secure digital services, with OMI.",
                ProjectType.GOOD_PRACTICE, chairIct, List.of(memberIct), List.of(code("OMI")));
        milestone(cyber, "Call for good practices", LocalDate.of(y, 4, 30), chairIct, null, LocalDate.of(y, 4, 30));
        milestone(cyber, "Good practices selected", clamp(today.minusDays(45), cyber), memberIct, null, null);
        milestone(cyber, "Collection published online", clamp(today.plusDays(80), cyber), chairIct, null, null);
        status(cyber, ProjectStatus.ON_TRACK, null, LocalDate.of(y, 2, 1), "Mariana Costa");

        Project portability = project(ict, current, now.get(1),
                "Data exchange for the portability of migrant workers' benefits", ProjectType.SURVEY,
                ictOthers.isEmpty() ? chairIct : ictOthers.get(0), first(ictOthers.subList(Math.min(1, ictOthers.size()),
                        ictOthers.size()), 2),
                LocalDate.of(y + 1, 1, 1), LocalDate.of(y + 2, 6, 30));
        portability.describe(now.get(1).getId(), portability.getTitle(),
                "Which bilateral and regional data exchanges work, and what they need in standards and governance.",
                ProjectType.SURVEY, portability.getLeadPersonId(), portability.getContributorIds(),
                List.of(code("OLD")));
        milestone(portability, "Inventory of exchange agreements", LocalDate.of(y + 1, 5, 31),
                portability.getLeadPersonId(), null, null);
        milestone(portability, "Findings at the Regional Social Security Forum for Europe",
                event(ev, "rssf-europe").getEventDate(), portability.getLeadPersonId(), event(ev, "rssf-europe"), null);
        ids.put("portability", portability.getId());

        Project identity = project(ict, current, now.get(0), "Webinar series: digital identity for social security",
                ProjectType.SEMINAR, chairIct, List.of(memberIct), LocalDate.of(y, 2, 1), LocalDate.of(y, 10, 31));
        milestone(identity, "Webinar 1: identity proofing", LocalDate.of(y, 4, 22), chairIct, null,
                LocalDate.of(y, 4, 22));
        milestone(identity, "Webinar 2: wallets and interoperability", LocalDate.of(y, 9, 16), memberIct, null,
                LocalDate.of(y, 9, 16));
        status(identity, ProjectStatus.COMPLETED, "Two webinars, 1,150 participants.", LocalDate.of(y, 10, 1),
                "Mariana Costa");

        if (ids.containsKey("cloudOld")) {
            Project cloud = projects.findById(ids.get("cloudOld")).orElseThrow();
            Project carried = new Project(ict, current.getId(), now.get(3).getId(), cloud.getTitle(),
                    cloud.getType(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), cloud.getId());
            carried.describe(now.get(3).getId(), cloud.getTitle(), "Carried over from 2023–2025: the final report.",
                    cloud.getType(), memberIct, List.of(chairIct), List.of());
            milestone(carried, "Final report", clamp(today.plusDays(20), carried), memberIct, null, null);
            projects.save(carried);
            status(carried, ProjectStatus.AT_RISK, "Waiting for two case studies.", today.minusDays(12),
                    "David Okafor");
        }
        WorkProgramme ictProgramme = new WorkProgramme(ict, current.getId());
        ictProgramme.submit(instant(LocalDate.of(y, 2, 27)), "Mariana Costa");
        ictProgramme.approve(instant(LocalDate.of(y, 3, 12)), "Claire Dubois");
        programmes.save(ictProgramme);
        projects.flush();
        projects.ofProgramme(ict, current.getId()).forEach(Project::takeBaseline);

        // FAM 2026–2028: submitted, waiting for the secretariat.
        long famLead = famOthers.isEmpty() ? memberFam : famOthers.get(0);
        Project nonStandard = project(fam, current, now.get(1),
                "Family benefits for workers in non-standard employment", ProjectType.TECHNICAL_REPORT, memberFam,
                first(famOthers, 2), LocalDate.of(y, 4, 1), LocalDate.of(y + 1, 11, 30));
        milestone(nonStandard, "Country case studies", clamp(today.minusDays(5), nonStandard), memberFam, null, null);
        milestone(nonStandard, "Draft report", clamp(today.plusDays(60), nonStandard), memberFam, null, null);
        milestone(nonStandard, "Report at the TC Forum", event(ev, "forum2").getEventDate(), memberFam, event(ev, "forum2"),
                null);
        status(nonStandard, ProjectStatus.AT_RISK, "Two case studies are late.", today.minusDays(3), "Jonas Becker");
        Project enrolment = project(fam, current, now.get(0),
                "Automatic enrolment in child benefits: good practices", ProjectType.GOOD_PRACTICE, famLead,
                List.of(memberFam), LocalDate.of(y, 6, 1), LocalDate.of(y + 2, 3, 31));
        milestone(enrolment, "Call for good practices", LocalDate.of(y, 9, 30), famLead, null, LocalDate.of(y, 10, 5));
        milestone(enrolment, "Good practices reviewed", clamp(today.plusDays(30), enrolment), memberFam, null, null);
        milestone(enrolment, "Collection published", LocalDate.of(y + 2, 2, 28), famLead, null, null);
        status(enrolment, ProjectStatus.ON_TRACK, null, LocalDate.of(y, 6, 1), "Jonas Becker");
        Project famGuideline = project(fam, current, now.get(2),
                "Guidelines on family benefits administration: revision", ProjectType.GUIDELINE, famLead,
                first(famOthers, 3), LocalDate.of(y + 1, 1, 1), LocalDate.of(y + 2, 10, 31));
        milestone(famGuideline, "Outline at the TC Forum", event(ev, "forum2").getEventDate(), famLead, event(ev, "forum2"),
                null);
        milestone(famGuideline, "Presentation at the WSSF", event(ev, "wssf").getEventDate(), famLead, event(ev, "wssf"),
                null);
        WorkProgramme famProgramme = new WorkProgramme(fam, current.getId());
        famProgramme.submit(instant(today.minusDays(6)), "FAM chair");
        programmes.save(famProgramme);

        // Smaller programmes of other commissions.
        String[][] others = {
            {"OLD", "Adequacy of pensions for platform workers", "TECHNICAL_REPORT", "1"},
            {"OLD", "Actuarial work: good practices in long-term projections", "GOOD_PRACTICE", "3"},
            {"OMI", "Service quality frameworks: peer review", "GOOD_PRACTICE", "0"},
            {"OMI", "Strategic workforce planning in social security institutions", "SURVEY", "3"},
            {"EMP", "Activation measures for long-term unemployed people", "TECHNICAL_REPORT", "1"},
            {"CCC", "Compliance in the informal economy: e-invoicing and contributions", "GOOD_PRACTICE", "1"},
            {"INJ", "Return to work after occupational disease", "GUIDELINE", "2"},
            {"MED", "Sickness benefits and telemedicine certificates", "SURVEY", "0"},
            {"MUT", "Community-based health insurance: governance", "SEMINAR", "1"},
        };
        int i = 0;
        for (String[] o : others) {
            long c = code(o[0]);
            List<Long> team = members(c, CommissionRole.CHAIR, CommissionRole.VICE_CHAIR, CommissionRole.MEMBER);
            Project p = project(c, current, now.get(Integer.parseInt(o[3])), o[1], ProjectType.valueOf(o[2]),
                    team.get(0), first(team.subList(1, team.size()), 2), LocalDate.of(y, 3 + i % 6, 1),
                    LocalDate.of(y + 2, 6, 30));
            milestone(p, "Terms of reference", p.getStartDate().plusMonths(2), team.get(0), null,
                    p.getStartDate().plusMonths(2).plusDays(5));
            milestone(p, "Interim findings", clamp(today.plusDays(15L + 20L * i - 60), p), team.get(0), null, null);
            milestone(p, "Presentation at the TC Forum", event(ev, "forum2").getEventDate(), team.get(0),
                    event(ev, "forum2"), null);
            status(p, i % 4 == 1 ? ProjectStatus.AT_RISK : ProjectStatus.ON_TRACK, null, LocalDate.of(y, 5, 1),
                    "Commission chair");
            i++;
        }
        WorkProgramme oldProgramme = new WorkProgramme(code("OLD"), current.getId());
        oldProgramme.submit(instant(today.minusDays(40)), "OLD chair");
        oldProgramme.returnForRevision(instant(today.minusDays(30)), "Claire Dubois",
                "Please add a milestone for the Regional Social Security Forum and name a lead for the actuarial project.");
        programmes.save(oldProgramme);
        WorkProgramme omiProgramme = new WorkProgramme(code("OMI"), current.getId());
        omiProgramme.submit(instant(today.minusDays(2)), "OMI chair");
        programmes.save(omiProgramme);
        ids.put("current", current.getId());
    }

    /** After approval, a few dates moved: shown as plan vs now, and in the change history. */
    private void reviseAfterApproval(LocalDate today, Map<String, Long> ids) {
        if (!ids.containsKey("guideline")) {
            return;
        }
        Project guideline = projects.findById(ids.get("guideline")).orElseThrow();
        guideline.getMilestones().stream().filter(m -> m.getTitle().startsWith("Consultation")).findFirst()
                .ifPresent(m -> m.update(m.getTitle(), m.getDueDate().plusMonths(1), m.getOwnerPersonId(), null, null));
        Project ai = projects.findById(Objects.requireNonNull(ids.get("ai"))).orElseThrow();
        ai.reschedule(ai.getStartDate(), ai.getEndDate().plusMonths(3).isAfter(LocalDate.of(ai.getEndDate().getYear() + 1, 12, 31))
                ? ai.getEndDate() : ai.getEndDate().plusMonths(3));
        ai.changeStatus(ProjectStatus.AT_RISK, "Fewer survey answers than hoped; analysis is late.",
                today.minusDays(9));
        statusChanges.save(new StatusChange(ai.getId(), ProjectStatus.AT_RISK, ai.getStatusNote(), today.minusDays(9),
                instant(today.minusDays(9)), "David Okafor"));
    }

    private List<Priority> priorities(Triennium t) {
        List<Priority> list = new ArrayList<>();
        for (int i = 0; i < PRIORITIES.length; i++) {
            list.add(priorities.save(new Priority(t.getId(), i + 1, PRIORITIES[i][0], PRIORITIES[i][1])));
        }
        return list;
    }

    private Map<String, ProgrammeEvent> events(Triennium t) {
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

    private static LocalDate juneTuesday(int year) {
        LocalDate d = LocalDate.of(year, 6, 8);
        while (d.getDayOfWeek() != java.time.DayOfWeek.TUESDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private Project project(long commissionId, Triennium t, Priority priority, String title, ProjectType type,
            long lead, List<Long> contributors, LocalDate start, LocalDate end) {
        Project p = new Project(commissionId, t.getId(), priority.getId(), title, type, start, end, null);
        p.describe(priority.getId(), title, null, type, lead, contributors, List.of());
        return projects.save(p);
    }

    private static Milestone milestone(Project p, String title, LocalDate due, @Nullable Long owner,
            @Nullable ProgrammeEvent event, @Nullable LocalDate done) {
        Milestone m = p.addMilestone(title, due, owner, event == null ? null : event.getId(), null);
        if (done != null) {
            m.complete(done);
        }
        return m;
    }

    private void status(Project p, ProjectStatus status, @Nullable String note, LocalDate day, String by) {
        p.changeStatus(status, note, day);
        projects.flush();
        statusChanges.save(new StatusChange(p.getId(), ProjectStatus.NOT_STARTED, null, p.getStartDate(),
                instant(p.getStartDate()), by));
        statusChanges.save(new StatusChange(p.getId(), status, note, day, instant(day), by));
    }

    private static LocalDate clamp(LocalDate day, Project p) {
        return day.isBefore(p.getStartDate()) ? p.getStartDate() : day.isAfter(p.getEndDate()) ? p.getEndDate() : day;
    }

    private static Instant instant(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    private long code(String code) {
        return commissions.findByCode(code).map(Commission::getId).orElseThrow();
    }

    private long person(String username) {
        return people.findByUsernameWithInstitution(username).orElseThrow().getId();
    }

    private List<Long> members(long commissionId, CommissionRole... roles) {
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

    private static List<Long> first(List<Long> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> result = new ArrayList<>(a);
        b.stream().filter(x -> !result.contains(x)).forEach(result::add);
        return result;
    }

    private static ProgrammeEvent event(Map<String, ProgrammeEvent> events, String key) {
        return Objects.requireNonNull(events.get(key), key);
    }
}
