package org.issa.tcw.notification;

import java.util.function.Consumer;
import org.issa.tcw.discussion.Subscription;

/**
 * Tells a person's open bells, after commit, that their notifications changed. An interface so that
 * a later implementation can carry it across nodes.
 */
public interface NotificationBroadcaster {

    Subscription subscribe(long personId, Consumer<Long> onChange);

    void publish(long personId);
}
