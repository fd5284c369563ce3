package org.issa.tcw.cluster;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Live delivery of committed changes to the open pages of this application: a feature publishes a
 * message on a channel under a key (a thread, a commission, a person) and every page subscribed to
 * that key receives it, on whichever node of the cluster it is open. A message published inside a
 * transaction is delivered only after the transaction commits, and never when it rolls back;
 * outside a transaction it is delivered at once. Listeners are called on a background thread, one
 * call at a time per message and listener, and must not block (pages hand the message to their UI
 * with {@code UI.access}).
 *
 * <p>Two implementations, chosen by {@code tcw.cluster.bus} (ADR 100): {@code in-process} (the
 * default: one node, subscribers in memory) and {@code postgres} (several nodes: PostgreSQL
 * {@code LISTEN/NOTIFY} carries each message to the other nodes as a small hint). Keys are ids
 * ({@code Long}) or short strings.
 */
public interface LiveDelivery {

    /** A single node's delivery, outside the application (for a class's own tests). */
    static LiveDelivery inProcess() {
        return new InMemoryLiveDelivery();
    }

    /** Subscribes {@code listener} to the messages of {@code channel} published under {@code key}. */
    <T> Registration subscribe(Channel<T> channel, Object key, Consumer<? super T> listener);

    /**
     * Whether messages reach other nodes (a cluster). Features that keep their own state per node
     * (the co-editing rooms) use it to stay silent on a single node.
     */
    default boolean reachesOtherNodes() {
        return false;
    }

    /**
     * {@link #subscribe} for pages that re-read what they show on any message: {@code listener}
     * also receives {@code whenResumed} each time this node may have missed messages
     * ({@link #onResume}).
     */
    default <T> Registration subscribe(Channel<T> channel, Object key, Consumer<? super T> listener, T whenResumed) {
        Registration messages = subscribe(channel, key, listener);
        Registration resumes = onResume(() -> listener.accept(whenResumed));
        return () -> {
            messages.cancel();
            resumes.cancel();
        };
    }

    /** Delivers {@code message} to the subscribers of {@code key}, after the current transaction commits. */
    <T> void publish(Channel<T> channel, Object key, T message);

    /**
     * Subscribes {@code listener} to "messages may have been missed": called when this node lost
     * its link to the other nodes for a while and got it back. A page then re-reads what it shows
     * from the database instead of trusting that nothing happened meanwhile. Never called on a
     * single node.
     */
    Registration onResume(Runnable listener);

    /**
     * A kind of message, e.g. "changes of a discussion thread"; compared by its name. {@code hint}
     * turns a message into what travels to the other nodes (at most a few hundred bytes: ids, not
     * contents, which they read from the database); by default the message itself.
     */
    record Channel<T>(String name, Class<T> type, UnaryOperator<T> hint) {

        public Channel(String name, Class<T> type) {
            this(name, type, UnaryOperator.identity());
        }
    }

    /** Ends a subscription (pages call it when they are detached). */
    @FunctionalInterface
    interface Registration {
        void cancel();
    }
}
