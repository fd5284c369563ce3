package org.issa.tcw.notification.ui;

import java.util.Optional;
import org.issa.tcw.base.ui.NavbarContribution;
import org.issa.tcw.notification.NotificationBroadcaster;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.security.CurrentUser;

/** Puts the notification bell in the top bar of everyone who has a person record. */
@org.springframework.stereotype.Component
class NotificationNavbar implements NavbarContribution {

    private final NotificationService notifications;
    private final NotificationBroadcaster broadcaster;
    private final CurrentUser currentUser;

    NotificationNavbar(NotificationService notifications, NotificationBroadcaster broadcaster,
            CurrentUser currentUser) {
        this.notifications = notifications;
        this.broadcaster = broadcaster;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        return currentUser.personId().map(id -> new NotificationBell(notifications, broadcaster, id));
    }

    @Override
    public int order() {
        return 10;
    }
}
