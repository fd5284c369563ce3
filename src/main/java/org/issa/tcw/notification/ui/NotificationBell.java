package org.issa.tcw.notification.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import org.issa.tcw.base.ui.AppIcon;
import org.issa.tcw.base.ui.LiveAccess;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.notification.NotificationBroadcaster;
import org.issa.tcw.notification.NotificationService;
import org.jspecify.annotations.Nullable;

/** The bell in the top bar: the number of unread notifications, live; a click opens the list. */
class NotificationBell extends Button {

    private final NotificationService notifications;
    private final NotificationBroadcaster broadcaster;
    private final long personId;
    private final Span count = new Span();
    private @Nullable Subscription subscription;

    NotificationBell(NotificationService notifications, NotificationBroadcaster broadcaster, long personId) {
        this.notifications = notifications;
        this.broadcaster = broadcaster;
        this.personId = personId;
        setId("notification-bell");
        setIcon(new AppIcon(AppIcon.Glyph.BELL));
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error small pill");
        setSuffixComponent(count);
        addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        refresh();
    }

    /** Reads the count (when the bell is built); changes then bring theirs ({@link NotificationBroadcaster}). */
    void refresh() {
        show(notifications.unreadCount());
    }

    private void show(long unread) {
        count.setText(unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        setAriaLabel(getTranslation("notification.bell", unread));
        setTooltipText(getTranslation("notification.bell", unread));
    }

    long shown() {
        return count.isVisible() ? Long.parseLong(count.getText().replace("+", "")) : 0;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        var live = LiveAccess.in(ui);
        subscription = broadcaster.subscribe(personId, unread -> live.execute(() -> show(unread)));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        super.onDetach(detachEvent);
    }
}
