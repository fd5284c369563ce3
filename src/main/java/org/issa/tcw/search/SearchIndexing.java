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
import javax.sql.DataSource;
import org.issa.tcw.documents.DocumentTextChanged;
import org.issa.tcw.documents.workflow.DocumentStageChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * document rendered many times in a row is indexed once; a document whose workflow stage changed
 * ({@link DocumentStageChanged}, written by the workflow with update statements too) is reindexed
 * the same way. At start, an empty index (a new installation, a deleted index directory) is built
 * by mass indexing, with progress in the log; an index built by another mapping (its fingerprint,
 * {@link MappingFingerprint}, differs from the one stored in {@code search_index_state} when the
 * last complete build finished, or none is stored) is dropped and built again in the background.
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
    private final AtomicLong total = new AtomicLong();
    private final JdbcClient jdbc;
    private final MappingFingerprint fingerprint;
    private volatile IndexStatus.State state = IndexStatus.State.READY;
    private volatile @Nullable Instant since;
    private volatile @Nullable String failure;

    SearchIndexing(EntityManager entityManager, EntityManagerFactory entityManagerFactory,
            PlatformTransactionManager transactionManager, DataSource dataSource, MappingFingerprint fingerprint, Clock clock,
            @Value("${tcw.search.document-reindex-delay:2s}") Duration delay,
            @Value("${tcw.search.mass-indexing-threads:1}") int threads) {
        this.entityManager = entityManager;
        this.entityManagerFactory = entityManagerFactory;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = JdbcClient.create(dataSource);
        this.fingerprint = fingerprint;
        this.clock = clock;
        this.delay = delay;
        this.threads = threads;
    }

    /** Why the index is built at start, if it is. */
    enum StartCheck {
        /** Complete and built by this mapping: nothing to do. */
        CURRENT,
        /** Empty (new installation, deleted index directory): built. */
        EMPTY,
        /** Built by another mapping (or none recorded): dropped and built again. */
        MAPPING_CHANGED
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        checkAtStart();
    }

    /** Builds the index when it is empty, rebuilds it when another mapping built it. */
    StartCheck checkAtStart() {
        String current = fingerprint.current();
        String stored = storedFingerprint();
        long count = transactions.execute(tx -> Search.session(entityManager).search(
                Search.session(entityManager).scope(Object.class, kinds())).where(f -> f.matchAll()).fetchTotalHitCount());
        if (count == 0) {
            log.info("The search index is empty: building it");
            rebuild(false);
            return StartCheck.EMPTY;
        }
        if (!current.equals(stored)) {
            log.warn("The search index ({} items) was built by {} mapping: rebuilding it in the background (mapping {})",
                    count, stored == null ? "an unrecorded" : "another (" + stored.substring(0, 12) + "…)",
                    current.substring(0, 12) + "…");
            rebuild(true);
            return StartCheck.MAPPING_CHANGED;
        }
        log.info("The search index holds {} items (mapping {}…)", count, current.substring(0, 12));
        return StartCheck.CURRENT;
    }

    /** The fingerprint recorded when the last complete build finished, or null. */
    @Nullable String storedFingerprint() {
        return jdbc.sql("select mapping_hash from search_index_state where id = 1").query(String.class).optional()
                .orElse(null);
    }

    /** Rebuilds the whole index in the background; does nothing while a rebuild runs. */
    void rebuild() {
        rebuild(true);
    }

    /**
     * Rebuilds the whole index in the background; does nothing while a rebuild runs. {@code drop}:
     * the index is dropped and created again first (its schema may be another mapping's), otherwise
     * its items are deleted.
     */
    void rebuild(boolean drop) {
        synchronized (this) {
            if (state == IndexStatus.State.BUILDING) {
                return;
            }
            state = IndexStatus.State.BUILDING;
            since = clock.instant();
            failure = null;
            built.set(0);
            total.set(0);
        }
        long started = System.nanoTime();
        String mapping = fingerprint.current();
        Search.mapping(entityManagerFactory).scope(Object.class, kinds()).massIndexer()
                .dropAndCreateSchemaOnStart(drop)
                .threadsToLoadObjects(threads)
                .batchSizeToLoadObjects(100)
                .monitor(new Progress())
                .start()
                .whenComplete((done, error) -> {
                    if (error == null) {
                        log.info("Search index built: {} items in {} s", built.get(),
                                (System.nanoTime() - started) / 1_000_000_000);
                        try {
                            record(mapping);
                        } catch (RuntimeException e) {
                            log.warn("Could not record the search index's mapping; it is rebuilt at the next start", e);
                        }
                        state = IndexStatus.State.READY;
                    } else {
                        log.error("Building the search index failed", error);
                        failure = error.getClass().getSimpleName();
                        state = IndexStatus.State.FAILED;
                    }
                    since = clock.instant();
                });
    }

    /** Records that a complete build by this mapping finished. */
    private void record(String mapping) {
        transactions.executeWithoutResult(tx -> {
            java.sql.Timestamp at = java.sql.Timestamp.from(clock.instant());
            int updated = jdbc.sql("update search_index_state set mapping_hash = :hash, built_at = :at where id = 1")
                    .param("hash", mapping).param("at", at).update();
            if (updated == 0) {
                jdbc.sql("insert into search_index_state (id, mapping_hash, built_at) values (1, :hash, :at)")
                        .param("hash", mapping).param("at", at).update();
            }
        });
    }

    IndexStatus status() {
        return new IndexStatus(state, built.get(), total.get(), since, failure);
    }

    /** A document moved to another stage (committed): reindex it with the others a moment later. */
    @TransactionalEventListener
    void documentStageChanged(DocumentStageChanged event) {
        reindexDocument(event.documentId());
    }

    /** A document's stored text changed and committed: reindex it with the others a moment later. */
    @TransactionalEventListener
    void documentTextChanged(DocumentTextChanged event) {
        reindexDocument(event.documentId());
    }

    private void reindexDocument(long documentId) {
        pendingDocuments.add(documentId);
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
