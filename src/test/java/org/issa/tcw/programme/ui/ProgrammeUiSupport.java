package org.issa.tcw.programme.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;

/** Reads the notifications a view showed (their text), for Karibu tests. */
final class ProgrammeUiSupport {

    private ProgrammeUiSupport() {
    }

    static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(ProgrammeUiSupport::text).toList();
    }

    private static String text(Notification n) {
        String text = n.getElement().getProperty("text");
        return text == null ? n.getElement().getTextRecursively() : text;
    }
}
