package org.issa.tcw.discussion;

/** Ends a subscription to live signals (views call it in {@code onDetach}). */
@FunctionalInterface
public interface Subscription {

    void cancel();
}
