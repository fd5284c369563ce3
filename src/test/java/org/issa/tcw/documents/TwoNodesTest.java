package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.TwoNodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes in one JVM on one PostgreSQL (embedded, on 127.0.0.1), with the cluster's
 * live delivery ({@code tcw.cluster.bus=postgres}, ADR 100): an update stored through one node
 * reaches the editors of the other, in order; presence and departures too; a node that lost its
 * link to the others catches up from the log; a scheduled job's lock is held by one node at a time.
 * (In the documents package because the relay's log and engine are package-private.)
 */
class TwoNodesTest {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startCluster() {
        nodeA = TwoNodes.get().a();
        nodeB = TwoNodes.get().b();
    }

    private static <T> T on(ConfigurableApplicationContext node, Class<T> bean) {
        return node.getBean(bean);
    }

    private static void signIn(ConfigurableApplicationContext node, String user) {
        on(node, SignIn.class).as(user);
    }

    private static String typed(ConfigurableApplicationContext node, long documentId, String text) {
        byte[] update = on(node, YjsEngine.class).typeText(on(node, DocumentLog.class).content(documentId).updates(),
                text, false).join();
        return Base64.getEncoder().encodeToString(update);
    }

    private static long newDocument() {
        signIn(nodeA, "chair-ict");
        DocumentForm form = new DocumentForm();
        form.setTitle("Cluster test " + System.nanoTime());
        return on(nodeA, DocumentService.class).create("ICT", form);
    }

    /** A new document with the chair's editor joined on node A and a member's on node B. */
    private record Room(long documentId, DocumentCollaboration relayA, DocumentCollaboration relayB,
            RecordingEditor onA, RecordingEditor onB) implements AutoCloseable {

        @Override
        public void close() {
            relayA.leave(documentId, onA);
            relayB.leave(documentId, onB);
        }
    }

    private static Room openOnBothNodes() {
        Room room = new Room(newDocument(), on(nodeA, DocumentCollaboration.class),
                on(nodeB, DocumentCollaboration.class), new RecordingEditor(), new RecordingEditor());
        signIn(nodeA, "chair-ict");
        room.relayA().join(room.documentId(), room.onA());
        signIn(nodeB, "member-ict");
        room.relayB().join(room.documentId(), room.onB());
        return room;
    }

    @Test
    void updates_stored_on_one_node_reach_the_editors_of_the_other_in_order() {
        Room room = openOnBothNodes();
        long documentId = room.documentId();
        DocumentCollaboration relayA = room.relayA();
        DocumentCollaboration relayB = room.relayB();
        RecordingEditor onA = room.onA();
        RecordingEditor onB = room.onB();
        try {
            signIn(nodeA, "chair-ict");
            long first = relayA.push(documentId, onA, "a-1", typed(nodeA, documentId, "Hello"), null, 11).seq();
            long second = relayA.push(documentId, onA, "a-2", typed(nodeA, documentId, " world"), null, 11).seq();
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.seqs().contains(second));
            assertThat(onB.seqs()).containsExactly(first, second);

            // and back: B's editor types, A's editor receives it
            signIn(nodeB, "member-ict");
            long third = relayB.push(documentId, onB, "b-1", typed(nodeB, documentId, "!"), null, 22, second).seq();
            assertThat(third).isEqualTo(second + 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> onA.seqs().contains(third));
            assertThat(onA.seqs()).containsExactly(third);
            assertThat(onB.reconcileRequests()).as("no false 'the server lost history'").isZero();

            // presence crosses too, and a departure
            signIn(nodeA, "chair-ict");
            relayA.push(documentId, onA, null, null, "cHJlc2VuY2Utb2YtYQ==", 11);
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.presence.contains("cHJlc2VuY2Utb2YtYQ=="));
            relayA.leave(documentId, onA);
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.left.contains(11L));
        } finally {
            relayA.leave(documentId, onA);
            relayB.leave(documentId, onB);
        }
    }

    @Test
    void an_editors_caret_and_name_reach_the_editors_on_the_other_node_with_keystrokes_and_on_joining() {
        // presence is a y-protocols awareness update (the caret and the person's name), relayed as is
        String caretOfA = Base64.getEncoder().encodeToString("caret-of-a".getBytes());
        String caretOfAMoved = Base64.getEncoder().encodeToString("caret-of-a-moved".getBytes());
        String caretOfB = Base64.getEncoder().encodeToString("caret-of-b".getBytes());
        try (Room room = openOnBothNodes()) {
            long documentId = room.documentId();
            // with a keystroke: the presence rides in the storing transaction and reaches node B
            signIn(nodeA, "chair-ict");
            long seq = room.relayA().push(documentId, room.onA(), "aw-1", typed(nodeA, documentId, "x"), caretOfA, 41)
                    .seq();
            await().atMost(Duration.ofSeconds(10)).until(() -> room.onB().presenceSeen().contains(caretOfA));
            await().atMost(Duration.ofSeconds(10)).until(() -> room.onB().seqs().contains(seq));
            // on its own (the caret moved, nothing typed), both ways
            room.relayA().push(documentId, room.onA(), null, null, caretOfAMoved, 41);
            signIn(nodeB, "member-ict");
            room.relayB().push(documentId, room.onB(), null, null, caretOfB, 42);
            await().atMost(Duration.ofSeconds(10)).until(() -> room.onB().presenceSeen().contains(caretOfAMoved));
            await().atMost(Duration.ofSeconds(10)).until(() -> room.onA().presenceSeen().contains(caretOfB));
            assertThat(room.onA().presenceSeen()).as("an editor is not sent its own caret").doesNotContain(caretOfA,
                    caretOfAMoved);
            // someone who opens the document on node B later sees the caret of A's editor at once
            signIn(nodeB, "observer-ict");
            RecordingEditor late = new RecordingEditor();
            JoinResult joined = room.relayB().join(documentId, late);
            try {
                assertThat(joined.presence()).as("the other node's editor, as last heard").contains(caretOfAMoved)
                        .doesNotContain(caretOfA);
                assertThat(joined.presence()).as("this node's editor").contains(caretOfB);
            } finally {
                room.relayB().leave(documentId, late);
            }
        }
    }

    @Test
    void a_scheduled_job_runs_on_one_node_at_a_time_and_on_the_other_once_released() {
        LockConfiguration job = new LockConfiguration(Instant.now(), "test.two-nodes", Duration.ofMinutes(5),
                Duration.ZERO);
        Optional<SimpleLock> onA = on(nodeA, LockProvider.class).lock(job);
        assertThat(onA).as("node A takes the job").isPresent();
        assertThat(on(nodeB, LockProvider.class).lock(job)).as("node B may not run it meanwhile").isEmpty();
        onA.get().unlock();
        Optional<SimpleLock> onB = on(nodeB, LockProvider.class).lock(job);
        assertThat(onB).as("released: node B takes it").isPresent();
        onB.get().unlock();
    }

    @Test
    void a_node_whose_link_was_cut_catches_up_from_the_log() {
        try (Room room = openOnBothNodes()) {
            long documentId = room.documentId();
            RecordingEditor onB = room.onB();
            // Cut both nodes' listening connections; what A stores while they reconnect is not
            // announced to B, which must read it from the log once it hears again.
            new JdbcTemplate(TwoNodes.get().database()).queryForObject(
                    "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'tcw-live-listener'",
                    Integer.class);
            signIn(nodeA, "chair-ict");
            long seq = room.relayA().push(documentId, room.onA(), "cut-1", typed(nodeA, documentId, "typed during the cut"), null, 33)
                    .seq();
            await().atMost(Duration.ofSeconds(20)).until(() -> onB.seqs().contains(seq));
        }
    }

    @Test
    void a_persons_typing_allowance_is_shared_by_the_nodes() {
        RateLimiter onA = on(nodeA, RateLimiter.class);
        RateLimiter onB = on(nodeB, RateLimiter.class);
        int biggest = on(nodeA, CollaborationLimits.class).maxUpdateBytes();
        String typist = "typist-" + System.nanoTime();
        int taken = 0;
        while (true) {
            try {
                onA.take(typist, biggest);
                taken++;
            } catch (RateLimitedException e) {
                break;
            }
        }
        assertThat(taken).as("node A granted the allowance, then refused").isPositive();
        // node A reports what the typist used; node B then refuses too (without the report it would
        // grant a whole fresh allowance: as many big updates again)
        await().atMost(Duration.ofSeconds(5)).until(() -> onB.waitFor(typist, biggest) > 0);
        assertThatThrownBy(() -> onB.take(typist, biggest)).as("node B refuses what node A used up")
                .isInstanceOf(RateLimitedException.class);
        // someone else is not affected
        onB.take("other-" + System.nanoTime(), biggest);
    }

    @Test
    void one_documents_compaction_never_runs_on_both_nodes_at_once() {
        long documentId = newDocument();
        signIn(nodeA, "chair-ict");
        on(nodeA, DocumentCollaboration.class).change(documentId, org.issa.tcw.commission.CommissionAction.EDIT_DRAFT,
                updates -> on(nodeA, YjsEngine.class).typeText(updates, "to compact", false).join());
        long tail = on(nodeB, DocumentLog.class).content(documentId).tail().size();
        assertThat(tail).as("an update in the log").isPositive();
        // node A holds the document's compaction lock (as while it compacts): node B does not compact
        Optional<SimpleLock> heldByA = on(nodeA, LockProvider.class).lock(new LockConfiguration(Instant.now(),
                DocumentMaintenance.compactionLock(documentId), Duration.ofMinutes(5), Duration.ZERO));
        assertThat(heldByA).isPresent();
        try {
            assertThat(on(nodeB, DocumentMaintenance.class).compactNow(documentId)).as("B stays out").isFalse();
            assertThat(on(nodeB, DocumentLog.class).content(documentId).tail()).hasSize((int) tail);
        } finally {
            heldByA.get().unlock();
        }
        // released: B compacts, and holds the lock meanwhile only (A may take it afterwards)
        assertThat(on(nodeB, DocumentMaintenance.class).compactNow(documentId)).isTrue();
        assertThat(on(nodeB, DocumentLog.class).content(documentId).tail()).isEmpty();
        Optional<SimpleLock> afterwards = on(nodeA, LockProvider.class).lock(new LockConfiguration(Instant.now(),
                DocumentMaintenance.compactionLock(documentId), Duration.ofMinutes(5), Duration.ZERO));
        assertThat(afterwards).as("B gave the lock up when done").isPresent();
        afterwards.get().unlock();
    }
}
