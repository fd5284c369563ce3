package org.issa.tcw.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification as the list shows it. {@code actorName}, {@code subject} and {@code detail} are
 * plain text snapshots (shown as text, never as HTML); {@code link} is an application route.
 */
public record NotificationRow(long id, NotificationKind kind, String actorName, String subject,
        @Nullable String detail, String link, Instant createdAt, boolean read) {
}
