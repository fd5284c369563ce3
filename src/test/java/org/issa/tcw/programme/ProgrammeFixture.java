package org.issa.tcw.programme;

import java.time.LocalDate;
import java.util.Set;
import org.issa.tcw.testsupport.SignIn;
import org.springframework.stereotype.Component;

/** Creates fresh ICT projects for tests (as the ICT chair), so tests do not depend on each other's edits. */
@Component
class ProgrammeFixture {

    private final ProgrammeService programme;
    private final ProjectService projectService;
    private final MilestoneService milestoneService;
    private final SignIn signIn;

    ProgrammeFixture(ProgrammeService programme, ProjectService projectService, MilestoneService milestoneService,
            SignIn signIn) {
        this.programme = programme;
        this.projectService = projectService;
        this.milestoneService = milestoneService;
        this.signIn = signIn;
    }

    ProgrammeTree ict() {
        return programme.tree("ICT", null);
    }

    /** A new ICT project in the active triennium led by the given person, signed in as chair-ict meanwhile. */
    long newIctProject(String title, Long leadPersonId) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        signIn.as("chair-ict");
        ProgrammeTree tree = ict();
        int y = tree.triennium().startYear();
        long id = projectService.createProject("ICT", tree.triennium().id(), new ProjectDraft(null, 0,
                tree.priorities().get(0).priority().id(), title, "A test project", ProjectType.TECHNICAL_REPORT,
                leadPersonId, Set.of(), Set.of(), LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 12, 31)));
        milestoneService.saveMilestone(new MilestoneDraft(null, id, 0, "First milestone", LocalDate.of(y + 1, 3, 31),
                leadPersonId, null, null));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(previous);
        return id;
    }

    ProjectNode byTitle(ProgrammeTree tree, String title) {
        return tree.projects().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
    }
}
