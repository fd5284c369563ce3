package org.issa.tcw.programme;

import java.util.List;

/**
 * A commission's work programme for a triennium: priorities, projects (its own and those it takes
 * part in) and milestones, the fixed events, the approval state and what the signed-in user may do.
 */
public record ProgrammeTree(long commissionId, String commissionCode, String commissionName, TrienniumRow triennium,
        List<TrienniumRow> trienniums, ProgrammeState state, boolean mayEdit, boolean maySubmit, boolean mayApprove,
        List<PriorityNode> priorities, List<EventRow> events) {

    public List<ProjectNode> projects() {
        return priorities.stream().flatMap(p -> p.projects().stream()).toList();
    }
}
