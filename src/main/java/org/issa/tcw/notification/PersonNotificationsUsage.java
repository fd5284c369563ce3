package org.issa.tcw.notification;

import org.issa.tcw.base.UsageCheck;
import org.issa.tcw.notification.domain.NotificationRepository;
import org.springframework.stereotype.Component;

/** A person with notifications cannot be deleted (they refer to the person); deactivate instead. */
@Component
class PersonNotificationsUsage implements UsageCheck {

    private final NotificationRepository notifications;

    PersonNotificationsUsage(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public String subject() {
        return "person";
    }

    @Override
    public long count(long id) {
        return notifications.countByPersonId(id);
    }

    @Override
    public String messageKey() {
        return "person.delete.has-notifications";
    }
}
