package org.issa.tcw.base;

import java.util.function.Consumer;

/**
 * Live delivery of committed changes to the open pages of this application: a feature publishes a
 * message on a channel under a key (a thread, a commission, a person) and every page subscribed to
 * that key receives it. A message published inside a transaction is delivered only after the
 * transaction commits, and never when it rolls back; outside a transaction it is delivered at once.
 * Listeners are called on a background thread, one call at a time per message and listener, and
 * must not block (pages hand the message to their UI with {@code UI.access}).
 *
 * <p>The one implementation today keeps subscribers in memory and so reaches the pages of this
 * node only ({@code InMemoryLiveDelivery}); an implementation that carries messages across nodes
 * (e.g. PostgreSQL {@code LISTEN/NOTIFY}) replaces it without the features changing.
 */
public interface LiveDelivery {

    /** Subscribes {@code listener} to the messages of {@code channel} published under {@code key}. */
    <T> Registration subscribe(Channel<T> channel, Object key, Consumer<? super T> listener);

    /** Delivers {@code message} to the subscribers of {@code key}, after the current transaction commits. */
    <T> void publish(Channel<T> channel, Object key, T message);

    /** A kind of message, e.g. "changes of a discussion thread"; compared by identity of its name. */
    record Channel<T>(String name, Class<T> type) {
    }

    /** Ends a subscription (pages call it when they are detached). */
    @FunctionalInterface
    interface Registration {
        void cancel();
    }
}
