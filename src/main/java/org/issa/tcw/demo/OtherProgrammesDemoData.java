package org.issa.tcw.demo;

import static org.issa.tcw.demo.ProgrammeDemoSupport.clamp;
import static org.issa.tcw.demo.ProgrammeDemoSupport.event;
import static org.issa.tcw.demo.ProgrammeDemoSupport.first;
import static org.issa.tcw.demo.ProgrammeDemoSupport.instant;
import static org.issa.tcw.demo.ProgrammeDemoSupport.milestone;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.programme.ProjectStatus;
import org.issa.tcw.programme.ProjectType;
import org.issa.tcw.programme.domain.Priority;
import org.issa.tcw.programme.domain.ProgrammeEvent;
import org.issa.tcw.programme.domain.Project;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.WorkProgramme;
import org.issa.tcw.programme.domain.WorkProgrammeRepository;

/**
 * The demo work programmes of 2026–2028 besides ICT's ({@link ProgrammeDemoData} makes those and
 * calls this in the same transaction): FAM's, submitted and waiting for the secretariat, and smaller
 * ones for the other commissions, one of them returned for revision and one just submitted.
 */
final class OtherProgrammesDemoData {

    private final ProgrammeDemoSupport demo;
    private final WorkProgrammeRepository programmes;

    OtherProgrammesDemoData(ProgrammeDemoSupport demo, WorkProgrammeRepository programmes) {
        this.demo = demo;
        this.programmes = programmes;
    }

    /**
     * {@code now}: the current triennium's priorities; {@code ev}: its events; FAM's people as the ICT
     * part chose them (the same order of statements as when it was one class).
     */
    void create(Triennium current, List<Priority> now, Map<String, ProgrammeEvent> ev, LocalDate today, long fam,
            long memberFam, List<Long> famOthers) {
        int y = current.getStartYear();
        // FAM 2026–2028: submitted, waiting for the secretariat.
        long famLead = famOthers.isEmpty() ? memberFam : famOthers.get(0);
        Project nonStandard = demo.project(fam, current, now.get(1),
                "Family benefits for workers in non-standard employment", ProjectType.TECHNICAL_REPORT, memberFam,
                first(famOthers, 2), LocalDate.of(y, 4, 1), LocalDate.of(y + 1, 11, 30));
        milestone(nonStandard, "Country case studies", clamp(today.minusDays(5), nonStandard), memberFam, null, null);
        milestone(nonStandard, "Draft report", clamp(today.plusDays(60), nonStandard), memberFam, null, null);
        milestone(nonStandard, "Report at the TC Forum", event(ev, "forum2").getEventDate(), memberFam, event(ev, "forum2"),
                null);
        demo.status(nonStandard, ProjectStatus.AT_RISK, "Two case studies are late.", today.minusDays(3), "Jonas Becker");
        Project enrolment = demo.project(fam, current, now.get(0),
                "Automatic enrolment in child benefits: good practices", ProjectType.GOOD_PRACTICE, famLead,
                List.of(memberFam), LocalDate.of(y, 6, 1), LocalDate.of(y + 2, 3, 31));
        milestone(enrolment, "Call for good practices", LocalDate.of(y, 9, 30), famLead, null, LocalDate.of(y, 10, 5));
        milestone(enrolment, "Good practices reviewed", clamp(today.plusDays(30), enrolment), memberFam, null, null);
        milestone(enrolment, "Collection published", LocalDate.of(y + 2, 2, 28), famLead, null, null);
        demo.status(enrolment, ProjectStatus.ON_TRACK, null, LocalDate.of(y, 6, 1), "Jonas Becker");
        Project famGuideline = demo.project(fam, current, now.get(2),
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
            long c = demo.code(o[0]);
            List<Long> team = demo.members(c, CommissionRole.CHAIR, CommissionRole.VICE_CHAIR, CommissionRole.MEMBER);
            Project p = demo.project(c, current, now.get(Integer.parseInt(o[3])), o[1], ProjectType.valueOf(o[2]),
                    team.get(0), first(team.subList(1, team.size()), 2), LocalDate.of(y, 3 + i % 6, 1),
                    LocalDate.of(y + 2, 6, 30));
            milestone(p, "Terms of reference", p.getStartDate().plusMonths(2), team.get(0), null,
                    p.getStartDate().plusMonths(2).plusDays(5));
            milestone(p, "Interim findings", clamp(today.plusDays(15L + 20L * i - 60), p), team.get(0), null, null);
            milestone(p, "Presentation at the TC Forum", event(ev, "forum2").getEventDate(), team.get(0),
                    event(ev, "forum2"), null);
            demo.status(p, i % 4 == 1 ? ProjectStatus.AT_RISK : ProjectStatus.ON_TRACK, null, LocalDate.of(y, 5, 1),
                    "Commission chair");
            i++;
        }
        WorkProgramme oldProgramme = new WorkProgramme(demo.code("OLD"), current.getId());
        oldProgramme.submit(instant(today.minusDays(40)), "OLD chair");
        oldProgramme.returnForRevision(instant(today.minusDays(30)), "Claire Dubois",
                "Please add a milestone for the Regional Social Security Forum and name a lead for the actuarial project.");
        programmes.save(oldProgramme);
        WorkProgramme omiProgramme = new WorkProgramme(demo.code("OMI"), current.getId());
        omiProgramme.submit(instant(today.minusDays(2)), "OMI chair");
        programmes.save(omiProgramme);
    }
}
