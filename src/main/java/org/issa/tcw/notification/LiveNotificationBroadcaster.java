package org.issa.tcw.notification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.issa.tcw.cluster.LiveDelivery;
import org.issa.tcw.discussion.Subscription;
import org.issa.tcw.notification.domain.NotificationRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@link NotificationBroadcaster} on the application's {@link LiveDelivery}, keyed by person.
 *
 * <p>One subscription to the live delivery per person with open bells on this node, not one per
 * bell: on a change it reads the person's unread count once (one statement, no sign-in look-up, on
 * the delivery's thread after the commit) and hands the number to each of the person's bells. Each
 * bell re-reading it for itself cost a look-up of the signed-in person (a bell refreshes outside any
 * HTTP request) and the count, per open page, per change (docs/benchmarks.md "Load"). A person's
 * changes are counted one at a time, so the last number handed to the bells is read after the last
 * commit.
 */
@Component
class LiveNotificationBroadcaster implements NotificationBroadcaster {

    static final LiveDelivery.Channel<Long> PERSON = new LiveDelivery.Channel<>("notification.person", Long.class);

    private final LiveDelivery live;
    private final NotificationRepository notifications;
    private final Map<Long, Bells> bells = new ConcurrentHashMap<>();

    LiveNotificationBroadcaster(LiveDelivery live, NotificationRepository notifications) {
        this.live = live;
        this.notifications = notifications;
    }

    @Override
    public Subscription subscribe(long personId, Consumer<Long> onCount) {
        bells.compute(personId, (id, existing) -> (existing != null ? existing : new Bells(id)).add(onCount));
        return () -> bells.computeIfPresent(personId, (id, existing) -> existing.remove(onCount));
    }

    @Override
    public void publish(long personId) {
        live.publish(PERSON, personId, personId);
    }

    /** The open bells of one person on this node, and their one subscription. */
    private final class Bells {

        private final long personId;
        private final List<Consumer<Long>> listeners = new CopyOnWriteArrayList<>();
        private final LiveDelivery.Registration registration;

        Bells(long personId) {
            this.personId = personId;
            this.registration = live.subscribe(PERSON, personId, this::changed, personId);
        }

        Bells add(Consumer<Long> listener) {
            listeners.add(listener);
            return this;
        }

        /** Removes a bell; the last one ends the subscription (and the entry: {@code null}). */
        @Nullable Bells remove(Consumer<Long> listener) {
            listeners.remove(listener);
            if (!listeners.isEmpty()) {
                return this;
            }
            registration.cancel();
            return null;
        }

        private synchronized void changed(Long ignored) {
            if (listeners.isEmpty()) {
                return;
            }
            long unread = notifications.countByPersonIdAndReadAtIsNull(personId);
            listeners.forEach(listener -> listener.accept(unread));
        }
    }
}
