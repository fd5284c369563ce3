package org.issa.tcw.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * ADR 114: the other editors get an update as soon as it is ordered (inside its transaction, before
 * the commit); its author only after the commit. A commit that fails after that delivery makes the
 * other editors reconcile (send back what the server lacks), and nothing of it is stored. The
 * per-update timeline records the stages in order while on, nothing while off. A push that asks to
 * be answered once ordered (the browser's) returns before the commit, and its author is told that
 * the update is durable only after the commit; if the commit fails, never, and the update still ends
 * stored.
 */
@SpringTest
class DeliveryBeforeCommitTest {

    @Autowired
    DocumentCollaboration relay;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentLog log;
    @Autowired
    YjsEngine engine;
    @Autowired
    SignIn signIn;

    long documentId;
    @Autowired
    RelayRooms rooms;
    RelayRooms.Room room;

    @BeforeEach
    void newDocument() {
        room = rooms.create("Delivery test");
        documentId = room.documentId();
    }

    @AfterEach
    void closeEditors() {
        relay.deliverBeforeCommit(true);
        relay.timeline().switchOff();
        room.close();
    }

    /** An editor that notes whether each delivery came inside a transaction (i.e. before its commit). */
    static class Watching extends RecordingEditor {
        final List<Boolean> insideTransaction = new ArrayList<>();
        /** When set, the next delivery makes the storing transaction fail at its commit. */
        boolean failNextCommit;

        @Override
        public synchronized void deliver(long seq, String updateBase64) {
            insideTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            if (failNextCommit) {
                failNextCommit = false;
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        throw new IllegalStateException("the disk refused the commit");
                    }
                });
            }
            super.deliver(seq, updateBase64);
        }
    }

    /** An editor whose delivery holds the storing transaction's commit back until released. */
    static class Holding extends RecordingEditor {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean committed = new AtomicBoolean();

        @Override
        public synchronized void deliver(long seq, String updateBase64) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    try {
                        release.await(10, TimeUnit.SECONDS); // a push answered only after its commit gets here
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void afterCommit() {
                    committed.set(true);
                }
            });
            super.deliver(seq, updateBase64);
        }
    }

    <E extends RecordingEditor> E open(String user, E editor) {
        return room.join(user, editor);
    }

    String typed(String text) {
        return Base64.getEncoder().encodeToString(engine.typeText(log.content(documentId).updates(), text, false).join());
    }

    @Test
    void the_other_editors_get_an_update_before_its_commit_and_the_author_after() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        Watching member = open("member-ict", new Watching());
        signIn.as("chair-ict");
        long seq = relay.push(documentId, chair, "early-1", typed("early"), null, 1).seq();
        assertThat(member.seqs()).containsExactly(seq);
        assertThat(member.insideTransaction).as("delivered before the commit").containsExactly(true);
        assertThat(log.content(documentId).lastSeq()).as("acknowledged = stored").isEqualTo(seq);
    }

    @Test
    void switched_off_the_delivery_waits_for_the_commit() {
        relay.deliverBeforeCommit(false);
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        Watching member = open("member-ict", new Watching());
        signIn.as("chair-ict");
        long seq = relay.push(documentId, chair, "late-1", typed("late"), null, 1).seq();
        assertThat(member.seqs()).containsExactly(seq);
        assertThat(member.insideTransaction).containsExactly(false);
    }

    @Test
    void a_commit_that_fails_after_the_delivery_stores_nothing_and_asks_the_editors_to_reconcile() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        Watching member = open("member-ict", new Watching());
        RecordingEditor observer = open("chair-ict", new RecordingEditor());
        signIn.as("chair-ict");
        String update = typed("lost at the commit");
        member.failNextCommit = true;
        assertThatThrownBy(() -> relay.push(documentId, chair, "fails-1", update, null, 1))
                .hasMessageContaining("the disk refused the commit");
        assertThat(member.seqs()).as("the member got it before the commit failed").containsExactly(1L);
        assertThat(log.content(documentId).lastSeq()).as("nothing stored").isZero();
        assertThat(member.reconcileRequests()).as("the member is asked to send back what the server lacks")
                .isEqualTo(1);
        assertThat(observer.reconcileRequests()).isEqualTo(1);

        // the author resends with the same id (it was never acknowledged): stored once, under the
        // number the failed attempt had, without a "database lost history" reconciliation
        long seq = relay.push(documentId, chair, "fails-1", update, null, 1).seq();
        assertThat(seq).isEqualTo(1);
        assertThat(log.content(documentId).lastSeq()).isEqualTo(1);
        assertThat(member.seqs()).containsExactly(1L, 1L);
        assertThat(member.reconcileRequests()).isEqualTo(1);
        assertThat(engine.render(log.content(documentId).updates()).join().text()).contains("lost at the commit");
    }

    @Test
    void an_editor_that_cannot_take_an_update_does_not_undo_it() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        open("member-ict", new RecordingEditor() {
            @Override
            public synchronized void deliver(long seq, String updateBase64) {
                throw new IllegalStateException("this tab is gone");
            }
        });
        RecordingEditor other = open("member-ict", new RecordingEditor());
        signIn.as("chair-ict");
        long seq = relay.push(documentId, chair, "kept-1", typed("kept"), null, 1).seq();
        assertThat(log.content(documentId).lastSeq()).isEqualTo(seq);
        assertThat(other.seqs()).containsExactly(seq);
    }

    @Test
    void the_timeline_records_each_stage_in_order_while_on_and_nothing_while_off() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        open("member-ict", new RecordingEditor());
        signIn.as("chair-ict");
        long off = relay.push(documentId, chair, "t-off", typed("off"), null, 1).seq();
        relay.timeline().switchOn();
        long on = relay.push(documentId, chair, "t-on", typed("on"), null, 1).seq();
        List<KeystrokeTimeline.Entry> entries = relay.timeline().of(documentId);
        assertThat(entries).extracting(KeystrokeTimeline.Entry::seq).containsExactly(on).doesNotContain(off);
        double[] at = entries.getFirst().at();
        for (int i = 1; i < at.length; i++) {
            assertThat(at[i]).as(KeystrokeTimeline.Stage.values()[i] + " after the stage before")
                    .isGreaterThanOrEqualTo(at[i - 1]).isPositive();
        }
        assertThat(at[KeystrokeTimeline.Stage.DELIVERED.ordinal()])
                .as("delivered before the commit").isLessThanOrEqualTo(at[KeystrokeTimeline.Stage.COMMITTED.ordinal()]);
    }

    @Test
    void a_push_answered_once_ordered_returns_before_the_commit_and_is_acknowledged_durable_after_it() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        Holding member = open("member-ict", new Holding());
        signIn.as("chair-ict");
        PushResult answer = relay.push(documentId, chair, "ordered-1", typed("ordered"), null, 1, -1, true);
        boolean committedAtAnswer = member.committed.get();
        List<String> durableAtAnswer = chair.durableSeen();
        long storedAtAnswer = log.content(documentId).lastSeq();
        member.release.countDown();

        assertThat(committedAtAnswer).as("answered while the commit was held back").isFalse();
        assertThat(answer.durable()).as("the answer does not claim durability").isFalse();
        assertThat(answer.seq()).isEqualTo(1);
        assertThat(member.seqs()).as("delivered to the other editor").containsExactly(1L);
        assertThat(durableAtAnswer).as("no acknowledgement before the commit").isEmpty();
        assertThat(storedAtAnswer).as("not committed yet").isZero();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !chair.durableSeen().isEmpty());
        assertThat(member.committed).as("acknowledged after the commit").isTrue();
        assertThat(chair.durableSeen()).containsExactly("ordered-1=1");
        assertThat(log.content(documentId).lastSeq()).isEqualTo(1);

        // a resend of a durable update is answered as durable, without another acknowledgement
        PushResult again = relay.push(documentId, chair, "ordered-1", typed("ordered"), null, 1, -1, true);
        assertThat(again.seq()).isEqualTo(1);
        assertThat(again.durable()).isTrue();
        assertThat(chair.durableSeen()).containsExactly("ordered-1=1");
    }

    @Test
    void a_commit_that_fails_after_the_early_answer_is_never_acknowledged_and_the_update_ends_stored() {
        RecordingEditor chair = open("chair-ict", new RecordingEditor());
        Watching member = open("member-ict", new Watching());
        signIn.as("chair-ict");
        String update = typed("answered, then lost at the commit");
        member.failNextCommit = true;
        PushResult answer = relay.push(documentId, chair, "lost-1", update, null, 1, -1, true);
        assertThat(answer.durable()).isFalse();
        assertThat(answer.seq()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> chair.reconcileRequests() == 1);
        assertThat(chair.durableSeen()).as("never said durable").isEmpty();
        assertThat(log.content(documentId).lastSeq()).as("nothing stored").isZero();
        assertThat(member.reconcileRequests()).isEqualTo(1);

        // the author still holds it unacknowledged and sends it again (same id): stored, then acknowledged
        PushResult resent = relay.push(documentId, chair, "lost-1", update, null, 1, -1, true);
        assertThat(resent.seq()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !chair.durableSeen().isEmpty());
        assertThat(chair.durableSeen()).containsExactly("lost-1=1");
        assertThat(engine.render(log.content(documentId).updates()).join().text())
                .contains("answered, then lost at the commit");
    }
}
