package org.issa.tcw.notification;

import java.util.Set;

/** Published inside the transaction that created or read notifications; pushed to bells after commit. */
public record NotificationsChanged(Set<Long> personIds) {
}
