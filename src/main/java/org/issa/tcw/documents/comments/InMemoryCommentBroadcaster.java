package org.issa.tcw.documents.comments;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.issa.tcw.discussion.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The single-node broadcaster: subscribers in memory, each delivery on its own virtual thread. */
@Component
class InMemoryCommentBroadcaster implements CommentBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(InMemoryCommentBroadcaster.class);

    private final Map<Long, Set<Consumer<CommentSignal>>> byDocument = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public Subscription subscribe(long documentId, Consumer<CommentSignal> listener) {
        byDocument.computeIfAbsent(documentId, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> byDocument.computeIfPresent(documentId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void publish(CommentSignal signal) {
        Set<Consumer<CommentSignal>> listeners = byDocument.get(signal.documentId());
        if (listeners == null) {
            return;
        }
        for (Consumer<CommentSignal> listener : listeners) {
            executor.execute(() -> {
                try {
                    listener.accept(signal);
                } catch (RuntimeException e) {
                    log.warn("A comment listener failed", e);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
