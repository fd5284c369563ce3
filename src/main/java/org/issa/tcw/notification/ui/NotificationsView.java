package org.issa.tcw.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.issa.tcw.base.ui.UserZone;
import org.issa.tcw.base.ui.Feedback;
import org.issa.tcw.notification.NotificationRow;
import org.issa.tcw.notification.NotificationService;
import org.springframework.data.domain.PageRequest;

/** My notifications, newest first, each with a link to what it is about; mark one or all read. */
@Route("notifications")
@com.vaadin.flow.component.dependency.CssImport("./styles/discussion.css")
@PermitAll
class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 100;

    private final NotificationService notifications;
    private final Div list = new Div();

    NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("tcw-page");
        var heading = new H2(getTranslation("notification.title"));
        heading.setId("notifications-title");
        var markAll = new Button(getTranslation("notification.mark-all-read"), e -> {
            if (Feedback.run(this, notifications::markAllRead)) {
                refresh();
            }
        });
        markAll.setId("mark-all-notifications-read");
        list.setId("notification-list");
        list.setWidthFull();
        add(heading, markAll, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var rows = notifications.mine(PageRequest.of(0, SHOWN));
        if (rows.isEmpty()) {
            var none = new Paragraph(getTranslation("notification.none"));
            none.setId("no-notifications");
            list.add(none);
        }
        for (NotificationRow n : rows) {
            list.add(item(n));
        }
    }

    private Div item(NotificationRow n) {
        var item = new Div();
        item.setId("notification-" + n.id());
        item.addClassName("tcw-notification");
        item.addClassName(n.read() ? "tcw-notification-read" : "tcw-notification-unread");
        // Every part is set as text: names and titles are user input.
        var link = new Anchor(n.link(), getTranslation("notification.kind." + n.kind().name(), n.actorName(),
                n.subject()));
        link.setId("notification-link-" + n.id());
        link.getElement().addEventListener("click", e -> notifications.markRead(n.id()));
        item.add(link);
        if (n.detail() != null) {
            var detail = new Div(new Span(n.detail()));
            detail.addClassName("tcw-notification-detail");
            item.add(detail);
        }
        var when = new Span(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(UserZone.current()).format(n.createdAt()));
        when.addClassName("tcw-notification-time");
        item.add(when);
        if (!n.read()) {
            var read = new Button(getTranslation("notification.mark-read"), e -> {
                if (Feedback.run(this, () -> notifications.markRead(n.id()))) {
                    refresh();
                }
            });
            read.setId("mark-read-" + n.id());
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            item.add(read);
        }
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.title") + " · " + getTranslation("app.title");
    }
}
