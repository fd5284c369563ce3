package org.issa.tcw.discussion.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.issa.tcw.base.ui.EmbeddableUi;
import org.issa.tcw.commission.CommissionAccess;
import org.issa.tcw.commission.CommissionAction;
import org.issa.tcw.discussion.Anchor;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.ThreadRow;

/**
 * The embeddable "Discussions" panel for pages of other features (a project, a document, an
 * event): lists the threads attached to it with the reader's unread counts and links to start
 * one attached to it. Other features' views call {@code discussionPanels.forAnchor(...)}; it is
 * the discussion's only {@link EmbeddableUi} door, the other discussion views stay private.
 */
@EmbeddableUi
@org.springframework.stereotype.Component
public class DiscussionPanels {

    private final DiscussionService discussions;
    private final CommissionAccess access;

    DiscussionPanels(DiscussionService discussions, CommissionAccess access) {
        this.discussions = discussions;
        this.access = access;
    }

    /**
     * The discussion's Markdown composer (preview rendered by the server, mention autocomplete
     * among the commission's people) for other features' texts, e.g. document comments.
     */
    public org.issa.tcw.discussion.ui.MarkdownComposer composer(long commissionId, int maxLength, String idPrefix) {
        return new org.issa.tcw.discussion.ui.MarkdownComposer(discussions, commissionId, maxLength, idPrefix);
    }

    /**
     * A panel listing the threads attached to {@code anchor} (of the commission {@code commissionCode}).
     * Shows nothing but a note to a reader who may not read the commission's threads.
     */
    public com.vaadin.flow.component.Component forAnchor(long commissionId, String commissionCode, Anchor anchor) {
        var panel = new Div();
        panel.setId("discussion-panel");
        panel.addClassName("tcw-discussion-panel");
        panel.add(new H3(panel.getTranslation("discussion.title.plural")));
        if (!access.may(CommissionAction.READ, commissionId)) {
            panel.add(new Paragraph(panel.getTranslation("discussion.panel.private")));
            return panel;
        }
        List<ThreadRow> rows = discussions.threadsFor(anchor.type(), anchor.id());
        if (rows.isEmpty()) {
            var none = new Paragraph(panel.getTranslation("discussion.panel.none"));
            none.setId("discussion-panel-empty");
            panel.add(none);
        }
        for (ThreadRow row : rows) {
            var line = new Div();
            line.addClassName("tcw-discussion-panel-thread");
            var link = new com.vaadin.flow.component.html.Anchor("discussions/" + row.id(), row.title());
            link.setId("panel-thread-" + row.id());
            line.add(link);
            if (row.unread()) {
                var unread = new Span(panel.getTranslation("discussion.unread-count", row.unreadPosts()));
                unread.getElement().getThemeList().add("badge small primary");
                line.add(unread);
            }
            panel.add(line);
        }
        if (access.may(CommissionAction.POST, commissionId)) {
            String query = QueryParameters.simple(Map.of("anchorType", anchor.type().name(), "anchorId",
                    Long.toString(anchor.id()))).getQueryString();
            var start = new com.vaadin.flow.component.html.Anchor("commissions/" + commissionCode + "/discussions?" + query,
                    panel.getTranslation("discussion.panel.start"));
            start.setId("discussion-panel-start");
            panel.add(start);
        }
        return panel;
    }
}
