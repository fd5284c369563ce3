package org.issa.tcw.documents;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the application warms up the {@link YjsEngine} (ADR 110). {@code tcw.yjs.warm-up=when-ready}
 * (the default): once the application is ready, or earlier at the engine's first call (a new
 * database's demo data makes documents during the start). A restart needs no engine to become
 * ready, and on two cores the warm-up (about a second of CPU on a thread of its own) would compete
 * with the start. {@code at-start}: as soon as this bean is created, during the context's refresh.
 */
@Component
class YjsEngineWarmUp {

    private final YjsEngine engine;

    YjsEngineWarmUp(YjsEngine engine, @Value("${tcw.yjs.warm-up:when-ready}") String when) {
        this.engine = engine;
        switch (when) {
            case "when-ready" -> { }
            case "at-start" -> engine.warmUp();
            default -> throw new IllegalArgumentException("tcw.yjs.warm-up is when-ready or at-start, not " + when);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void whenReady() {
        engine.warmUp();
    }
}
