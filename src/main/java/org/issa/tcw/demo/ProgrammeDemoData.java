package org.issa.tcw.demo;

import static org.issa.tcw.demo.ProgrammeDemoSupport.clamp;
import static org.issa.tcw.demo.ProgrammeDemoSupport.concat;
import static org.issa.tcw.demo.ProgrammeDemoSupport.event;
import static org.issa.tcw.demo.ProgrammeDemoSupport.first;
import static org.issa.tcw.demo.ProgrammeDemoSupport.instant;
import static org.issa.tcw.demo.ProgrammeDemoSupport.milestone;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.domain.CommissionRepository;
import org.issa.tcw.commission.domain.MembershipRepository;
import org.issa.tcw.people.domain.PersonRepository;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.ProjectType;
import org.issa.tcw.programme.TrienniumStatus;
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
 * unfinished 2023–2025 project waiting to be carried over. Runs only on an empty programme. FAM's
 * and the other commissions' programmes: {@link OtherProgrammesDemoData}.
 */
@Component
@Profile("demo")
@Order(30)
class ProgrammeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeDemoData.class);

    private final TrienniumRepository trienniums;
    private final PriorityRepository priorities;
    private final ProjectRepository projects;
    private final StatusChangeRepository statusChanges;
    private final WorkProgrammeRepository programmes;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ProgrammeDemoSupport demo;
    private final OtherProgrammesDemoData others;

    ProgrammeDemoData(TrienniumRepository trienniums, PriorityRepository priorities, ProgrammeEventRepository events,
            ProjectRepository projects, StatusChangeRepository statusChanges, WorkProgrammeRepository programmes,
            CommissionRepository commissions, MembershipRepository memberships, PersonRepository people,
            PlatformTransactionManager transactions, Clock clock) {
        this.trienniums = trienniums;
        this.priorities = priorities;
        this.projects = projects;
        this.statusChanges = statusChanges;
        this.programmes = programmes;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.demo = new ProgrammeDemoSupport(priorities, events, projects, statusChanges, commissions, memberships,
                people);
        this.others = new OtherProgrammesDemoData(demo, programmes);
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
        List<Priority> now = demo.priorities(current);
        Map<String, ProgrammeEvent> ev = demo.events(current);
        long ict = demo.code("ICT");
        long fam = demo.code("FAM");
        long chairIct = demo.person("chair-ict");
        long memberIct = demo.person("member-ict");
        long memberFam = demo.person("member-fam");
        List<Long> ictOthers = demo.members(ict, CommissionRole.VICE_CHAIR, CommissionRole.MEMBER);
        List<Long> famOthers = demo.members(fam, CommissionRole.CHAIR, CommissionRole.VICE_CHAIR, CommissionRole.MEMBER);
        int y = current.getStartYear();

        if (previous != null) {
            List<Priority> before = demo.priorities(previous);
            Map<String, ProgrammeEvent> evBefore = demo.events(previous);
            Project done = demo.project(ict, previous, before.get(0), "ICT Guidelines: consultation and publication",
                    ProjectType.GUIDELINE, chairIct, List.of(memberIct), LocalDate.of(2023, 1, 15),
                    LocalDate.of(2025, 10, 31));
            milestone(done, "Revised draft at the TC Forum", LocalDate.of(2024, 6, 12), chairIct,
                    evBefore.get("forum2"), LocalDate.of(2024, 6, 12));
            milestone(done, "Publication in the four working languages", LocalDate.of(2025, 9, 30), memberIct, null,
                    LocalDate.of(2025, 9, 22));
            demo.status(done, ProjectStatus.COMPLETED, "Published before the World Social Security Forum.",
                    LocalDate.of(2025, 10, 1), "Mariana Costa");
            Project mobile = demo.project(ict, previous, before.get(1), "Mobile service channels: survey of members",
                    ProjectType.SURVEY, chairIct, List.of(), LocalDate.of(2024, 2, 1), LocalDate.of(2025, 12, 31));
            milestone(mobile, "Questionnaire sent to members", LocalDate.of(2024, 5, 31), chairIct, null,
                    LocalDate.of(2024, 6, 10));
            milestone(mobile, "Survey report", LocalDate.of(2025, 11, 30), chairIct, null, null);
            demo.status(mobile, ProjectStatus.OFF_TRACK, "Too few answers; the report slips into the next triennium.",
                    LocalDate.of(2025, 9, 15), "Mariana Costa");
            ids.put("mobile", mobile.getId());
            Project cloud = demo.project(ict, previous, before.get(3), "Cloud adoption in social security institutions",
                    ProjectType.TECHNICAL_REPORT, memberIct, List.of(chairIct), LocalDate.of(2024, 3, 1),
                    LocalDate.of(2025, 12, 15));
            milestone(cloud, "Case studies collected", LocalDate.of(2024, 12, 15), memberIct, null,
                    LocalDate.of(2025, 1, 20));
            milestone(cloud, "Final report", LocalDate.of(2025, 12, 15), memberIct, null, null);
            demo.status(cloud, ProjectStatus.AT_RISK, "Final report carried into 2026–2028.", LocalDate.of(2025, 10, 20),
                    "David Okafor");
            ids.put("cloudOld", cloud.getId());
            Project famOld = demo.project(fam, previous, before.get(2), "Child benefits and the cost-of-living crisis",
                    ProjectType.TECHNICAL_REPORT, memberFam, famOthers.subList(0, 1), LocalDate.of(2023, 3, 1),
                    LocalDate.of(2024, 12, 31));
            milestone(famOld, "Report presented at the TC Forum", LocalDate.of(2024, 6, 12), memberFam,
                    evBefore.get("forum2"), LocalDate.of(2024, 6, 12));
            demo.status(famOld, ProjectStatus.COMPLETED, null, LocalDate.of(2024, 12, 1), "Jonas Becker");
            for (long c : List.of(ict, fam)) {
                WorkProgramme wp = new WorkProgramme(c, previous.getId());
                wp.submit(instant(LocalDate.of(2023, 2, 20)), c == ict ? "Mariana Costa" : "FAM chair");
                wp.approve(instant(LocalDate.of(2023, 3, 10)), "Claire Dubois");
                programmes.save(wp);
            }
        }

        // ICT 2026–2028
        Project guideline = demo.project(ict, current, now.get(0),
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
        demo.status(guideline, ProjectStatus.ON_TRACK, "Chapter owners confirmed; drafting has started.",
                LocalDate.of(y, 4, 2), "Mariana Costa");
        ids.put("guideline", guideline.getId());

        Project ai = demo.project(ict, current, now.get(0), "Artificial intelligence in social security administration",
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
        demo.status(ai, ProjectStatus.ON_TRACK, null, LocalDate.of(y, 3, 1), "Mariana Costa");
        ids.put("ai", ai.getId());

        Project cyber = demo.project(ict, current, now.get(3), "Cybersecurity in social security: good practices",
                ProjectType.GOOD_PRACTICE, chairIct, List.of(memberIct), LocalDate.of(y, 2, 1),
                LocalDate.of(y + 1, 9, 30));
        cyber.describe(now.get(3).getId(), cyber.getTitle(),
                "A collection of good practices on incident response and secure digital services, with OMI.",
                ProjectType.GOOD_PRACTICE, chairIct, List.of(memberIct), List.of(demo.code("OMI")));
        milestone(cyber, "Call for good practices", LocalDate.of(y, 4, 30), chairIct, null, LocalDate.of(y, 4, 30));
        milestone(cyber, "Good practices selected", clamp(today.minusDays(45), cyber), memberIct, null, null);
        milestone(cyber, "Collection published online", clamp(today.plusDays(80), cyber), chairIct, null, null);
        demo.status(cyber, ProjectStatus.ON_TRACK, null, LocalDate.of(y, 2, 1), "Mariana Costa");

        Project portability = demo.project(ict, current, now.get(1),
                "Data exchange for the portability of migrant workers' benefits", ProjectType.SURVEY,
                ictOthers.isEmpty() ? chairIct : ictOthers.get(0), first(ictOthers.subList(Math.min(1, ictOthers.size()),
                        ictOthers.size()), 2),
                LocalDate.of(y + 1, 1, 1), LocalDate.of(y + 2, 6, 30));
        portability.describe(now.get(1).getId(), portability.getTitle(),
                "Which bilateral and regional data exchanges work, and what they need in standards and governance.",
                ProjectType.SURVEY, portability.getLeadPersonId(), portability.getContributorIds(),
                List.of(demo.code("OLD")));
        milestone(portability, "Inventory of exchange agreements", LocalDate.of(y + 1, 5, 31),
                portability.getLeadPersonId(), null, null);
        milestone(portability, "Findings at the Regional Social Security Forum for Europe",
                event(ev, "rssf-europe").getEventDate(), portability.getLeadPersonId(), event(ev, "rssf-europe"), null);
        ids.put("portability", portability.getId());

        Project identity = demo.project(ict, current, now.get(0), "Webinar series: digital identity for social security",
                ProjectType.SEMINAR, chairIct, List.of(memberIct), LocalDate.of(y, 2, 1), LocalDate.of(y, 10, 31));
        milestone(identity, "Webinar 1: identity proofing", LocalDate.of(y, 4, 22), chairIct, null,
                LocalDate.of(y, 4, 22));
        milestone(identity, "Webinar 2: wallets and interoperability", LocalDate.of(y, 9, 16), memberIct, null,
                LocalDate.of(y, 9, 16));
        demo.status(identity, ProjectStatus.COMPLETED, "Two webinars, 1,150 participants.", LocalDate.of(y, 10, 1),
                "Mariana Costa");

        if (ids.containsKey("cloudOld")) {
            Project cloud = projects.findById(ids.get("cloudOld")).orElseThrow();
            Project carried = new Project(ict, current.getId(), now.get(3).getId(), cloud.getTitle(),
                    cloud.getType(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), cloud.getId());
            carried.describe(now.get(3).getId(), cloud.getTitle(), "Carried over from 2023–2025: the final report.",
                    cloud.getType(), memberIct, List.of(chairIct), List.of());
            milestone(carried, "Final report", clamp(today.plusDays(20), carried), memberIct, null, null);
            projects.save(carried);
            demo.status(carried, ProjectStatus.AT_RISK, "Waiting for two case studies.", today.minusDays(12),
                    "David Okafor");
        }
        WorkProgramme ictProgramme = new WorkProgramme(ict, current.getId());
        ictProgramme.submit(instant(LocalDate.of(y, 2, 27)), "Mariana Costa");
        ictProgramme.approve(instant(LocalDate.of(y, 3, 12)), "Claire Dubois");
        programmes.save(ictProgramme);
        projects.flush();
        projects.ofProgramme(ict, current.getId()).forEach(Project::takeBaseline);

        others.create(current, now, ev, today, fam, memberFam, famOthers);
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
}
