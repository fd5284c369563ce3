package org.issa.tcw.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.issa.tcw.documents.DocumentTextChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index complete. Entities changed through JPA are reindexed by Hibernate Search when
 * their transaction commits. A document's text is written by the co-editing relay's background
 * rendering with update statements (which Hibernate Search does not see); those documents are
 * collected from {@link DocumentTextChanged} after commit and reindexed together a short delay
 * later on this class's own thread, so neither typing nor rendering waits for the index and a
 * document rendered many times in a row is indexed once. At start, an empty index (a new
 * installation, a deleted index directory) is built by mass indexing, with progress in the log.
 */
@Component
class SearchIndexing implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

    private final EntityManager entityManager;

    private final EntityManagerFactory entityManagerFactory;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration delay;
    private final int threads;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-indexing");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> pendingDocuments = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicLong built = new AtomicLong();
    private volatile IndexStatus.State state = IndexStatus.State.READY;
    private volatile @Nullable Instant since;
    private volatile @Nullable String failure;

    SearchIndexing(EntityManager entityManager, EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${tcw.search.document-reindex-delay:2s}") Duration delay,
            @Value("${tcw.search.mass-indexing-threads:1}") int threads) {
        this.entityManager = entityManager;
        this.entityManagerFactory = entityManagerFactory;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.delay = delay;
        this.threads = threads;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildIfEmpty() {
        long count = transactions.execute(tx -> Search.session(entityManager).search(
                Search.session(entityManager).scope(Object.class, kinds())).where(f -> f.matchAll()).fetchTotalHitCount());
        if (count == 0) {
            log.info("The search index is empty: building it");
            rebuild();
        } else {
            log.info("The search index holds {} items", count);
        }
    }

    /** Rebuilds the whole index in the background; does nothing while a rebuild runs. */
    void rebuild() {
        synchronized (this) {
            if (state == IndexStatus.State.BUILDING) {
                return;
            }
            state = IndexStatus.State.BUILDING;
            since = clock.instant();
            failure = null;
            built.set(0);
        }
        long started = System.nanoTime();
        Search.mapping(entityManagerFactory).scope(Object.class, kinds()).massIndexer()
                .threadsToLoadObjects(threads)
                .batchSizeToLoadObjects(100)
                .monitor(new Progress())
                .start()
                .whenComplete((done, error) -> {
                    if (error == null) {
                        log.info("Search index built: {} items in {} s", built.get(),
                                (System.nanoTime() - started) / 1_000_000_000);
                        state = IndexStatus.State.READY;
                    } else {
                        log.error("Building the search index failed", error);
                        failure = error.getClass().getSimpleName();
                        state = IndexStatus.State.FAILED;
                    }
                    since = clock.instant();
                });
    }

    IndexStatus status() {
        return new IndexStatus(state, built.get(), since, failure);
    }

    /** A document's stored text changed and committed: reindex it with the others a moment later. */
    @TransactionalEventListener
    void documentTextChanged(DocumentTextChanged event) {
        pendingDocuments.add(event.documentId());
        if (flushScheduled.compareAndSet(false, true)) {
            executor.schedule(this::flushDocuments, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void flushDocuments() {
        flushScheduled.set(false);
        List<Long> ids = new ArrayList<>(pendingDocuments);
        pendingDocuments.removeAll(ids);
        if (ids.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            transactions.executeWithoutResult(tx -> {
                SearchSession search = Search.session(entityManager);
                Class<?> type = entityManager.getMetamodel().getEntities().stream()
                        .filter(e -> e.getName().equals(ItemKind.DOCUMENT.entityName())).findFirst().orElseThrow()
                        .getJavaType();
                for (Long id : ids) {
                    Object document = entityManager.find(type, id);
                    if (document != null) {
                        search.indexingPlan().addOrUpdate(document);
                    }
                }
            });
            log.debug("Reindexed {} documents in {} ms", ids.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Could not reindex documents {}; they are reindexed at their next change", ids, e);
        }
    }

    private static List<String> kinds() {
        return java.util.Arrays.stream(ItemKind.values()).map(ItemKind::entityName).toList();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** Counts and logs the mass indexing's progress (every 10 seconds at most). */
    private final class Progress implements MassIndexingMonitor {

        private final AtomicLong total = new AtomicLong();
        private final AtomicLong lastLog = new AtomicLong(System.nanoTime());

        @Override
        public void documentsAdded(long increment) {
            long done = built.addAndGet(increment);
            long now = System.nanoTime();
            long last = lastLog.get();
            if (now - last > 10_000_000_000L && lastLog.compareAndSet(last, now)) {
                log.info("Building the search index: {} of {} items", done, total.get());
            }
        }

        @Override
        public void documentsBuilt(long increment) {
            // counted when added
        }

        @Override
        public void entitiesLoaded(long increment) {
            // counted when added
        }

        @Override
        public void addToTotalCount(long increment) {
            total.addAndGet(increment);
        }

        @Override
        public void indexingCompleted() {
            log.info("Building the search index: {} of {} items, done", built.get(), total.get());
        }
    }
}
