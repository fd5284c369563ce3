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

    /**
     * The deliverable of a milestone linked to a document (X1): a link to it with its workflow stage,
     * and whether the milestone completes on approval or publication, or was completed by it.
     */
    static com.vaadin.flow.component.Component deliverable(MilestoneRow m) {
        var cell = new com.vaadin.flow.component.html.Div();
        if (m.documentId() == null) {
            return cell;
        }
        cell.setId("milestone-deliverable-" + m.id());
        String stage = m.documentStage() == null ? cell.getTranslation("milestone.document.unreadable")
                : cell.getTranslation("workflow.stage." + m.documentStage().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-'));
        var link = new com.vaadin.flow.component.html.Anchor("documents/" + m.documentId(), stage);
        link.getElement().getThemeList().add("badge");
        link.addClassName("milestone-document-stage");
        cell.add(link);
        var rule = new Span(" " + cell.getTranslation(m.doneByDocument() ? "milestone.done-by-document"
                : "milestone.completes-on.short." + m.completesOn().name().toLowerCase(java.util.Locale.ROOT)));
        rule.addClassName("milestone-follows");
        cell.add(rule);
        return cell;
    }

    static Span milestone(MilestoneRow m, LocalDate today) {
        String state = m.state(today).key();
        var badge = new Span();
        badge.setText(badge.getTranslation("milestone.state." + state));
        badge.getElement().getThemeList().add(switch (state) {
            case "done" -> "badge success";
            case "overdue" -> "badge error";
            case "due-soon", "at-risk" -> "badge warning";
            default -> "badge contrast";
        });
        if (m.state(today) == org.issa.tcw.programme.MilestoneState.AT_RISK) {
            badge.setTitle(badge.getTranslation("milestone.consultation-late"));
        }
        badge.addClassName("milestone-" + state);
        return badge;
    }
}
