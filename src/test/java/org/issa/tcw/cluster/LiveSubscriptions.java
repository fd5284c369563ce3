package org.issa.tcw.cluster;

import org.springframework.context.ApplicationContext;

/** For tests in other packages: how many live subscriptions the open pages of this node hold. */
public final class LiveSubscriptions {

    private LiveSubscriptions() {
    }

    /** The subscriptions of the single-node delivery ({@code tcw.cluster.bus=in-process}, the tests' default). */
    public static int count(ApplicationContext context) {
        return context.getBean(InMemoryLiveDelivery.class).subscriptions();
    }
}
