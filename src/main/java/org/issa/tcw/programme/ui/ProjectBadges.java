package org.issa.tcw.programme.ui;

import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import org.issa.tcw.programme.MilestoneRow;
import org.issa.tcw.programme.ProjectStatus;

/** Status badges shared by the programme views. */
final class ProjectBadges {

    private ProjectBadges() {
    }

    static Span status(ProjectStatus status) {
        var badge = new Span();
        badge.setText(badge.getTranslation("project.status." + status.name()));
        badge.getElement().getThemeList().add(switch (status) {
            case ON_TRACK -> "badge success";
            case AT_RISK -> "badge warning";
            case OFF_TRACK -> "badge error";
            case COMPLETED -> "badge success primary";
            case CANCELLED, NOT_STARTED -> "badge contrast";
        });
        badge.addClassName("status-" + status.name());
        return badge;
    }

    static Span milestone(MilestoneRow m, LocalDate today) {
        String state = m.state(today).key();
        var badge = new Span();
        badge.setText(badge.getTranslation("milestone.state." + state));
        badge.getElement().getThemeList().add(switch (state) {
            case "done" -> "badge success";
            case "overdue" -> "badge error";
            case "due-soon" -> "badge warning";
            default -> "badge contrast";
        });
        badge.addClassName("milestone-" + state);
        return badge;
    }
}
